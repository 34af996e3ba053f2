import { describe, expect, it } from 'vitest';
import { groupBySpeaker } from '../../../components/group';

const q = (id: number, speakerId: number | null, speakerName: string | null, role: string | null = null) => ({ id, speakerId, speakerName, role });

describe('groupBySpeaker', () => {
  it('groups in order of first appearance, keeps quote order, puts unattributed quotes last', () => {
    const groups = groupBySpeaker([q(1, 7, 'Ana Ruiz'), q(2, null, null), q(3, 9, 'Li Wei', 'mayor'), q(4, 7, 'Ana Ruiz', 'spokesperson'), q(5, 9, 'Li Wei')]);
    expect(groups.map((g) => [g.name, g.role, g.quotes.map((x) => x.id)])).toEqual([
      ['Ana Ruiz', 'spokesperson', [1, 4]],
      ['Li Wei', 'mayor', [3, 5]],
      [null, null, [2]],
    ]);
  });
  it('groups names without a stored speaker by name, ignoring case', () => {
    const groups = groupBySpeaker([q(1, null, 'the report'), q(2, null, 'The report')]);
    expect(groups).toHaveLength(1);
    expect(groups[0].quotes).toHaveLength(2);
  });
});
