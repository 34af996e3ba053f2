import { useEffect, useState } from 'preact/hooks';
import { loadSaveProblem, watchSaveProblem, type SaveProblem } from '../lib/save-status';
import { ago } from './format';

/** Says so when saving pages has been failing (a full disk above all), until a save succeeds. */
export function SaveErrorBanner() {
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  useEffect(() => {
    loadSaveProblem().then(setProblem, () => {});
    return watchSaveProblem(setProblem);
  }, []);
  if (!problem) return null;
  return (
    <div class="qm-error" role="alert" style={{ margin: '12px 16px 0' }}>
      <strong>New quotes are not being saved.</strong> {problem.message} <span class="qm-hint">({ago(problem.at, Date.now())})</span>
    </div>
  );
}
