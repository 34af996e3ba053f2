/** Titles, roles and kinds of speaker. All lower case, without final periods. */

const set = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Honorifics and titles written before a name ("Sen. Elizabeth Warren", "Mayor Dana Whitfield").
 * They are dropped from the speaker's name and kept as the role.
 */
export const TITLES = set(`mr mrs ms miss mx dr doctor prof professor sir dame lord lady rev reverend fr father
  sister brother sen senator rep representative congressman congresswoman congressmember gov governor lt
  lieutenant gen general col colonel capt captain maj major sgt sergeant adm admiral cmdr commander cpl corporal
  pvt private president vice secretary treasurer attorney judge justice chief mayor minister premier chancellor
  ambassador speaker leader sheriff officer detective deputy commissioner councilman councilwoman councilmember
  councillor councilor alderman alderwoman assemblyman assemblywoman assemblymember delegate coach pope king
  queen prince princess sheikh rabbi imam bishop cardinal archbishop pastor dean chairman chairwoman chair
  chairperson ceo cfo coo director superintendent principal supervisor trooper agent inspector marshal
  prosecutor sgt. ambassador envoy emir sultan crown chancellor magistrate solicitor barrister mp mep
  lawmaker state-sen state-rep dem gop`);

/** Titles that tell a person's gender. */
export const MALE_TITLES = set('mr sir lord father brother king prince sheikh congressman councilman assemblyman alderman chairman spokesman emir sultan');
export const FEMALE_TITLES = set('mrs ms miss dame lady sister queen princess congresswoman councilwoman assemblywoman alderwoman chairwoman spokeswoman');

/**
 * Nouns for people by role ("a spokesman", "State Department spokesperson Matthew Miller", "the
 * official"). A noun phrase headed by one of these is a person descriptor.
 */
export const PERSON_NOUNS = set(`spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
  representative representatives official officials aide aides adviser advisers advisor advisors lawyer lawyers
  attorney attorneys director directors secretary chairman chairwoman chair chairperson president ceo founder
  cofounder co-founder executive executives manager managers strategist strategists analyst analysts economist
  economists expert experts professor professors researcher researchers scientist scientists author authors
  writer writers columnist columnists reporter reporters correspondent editor editors commentator commentators
  host anchor candidate candidates nominee senator senators governor governors mayor leader leaders member
  members chief head minister ministers ambassador diplomat diplomats envoy general generals commander officer
  officers sheriff detective detectives agent agents investigator investigators prosecutor prosecutors judge
  judges justice justices lawmaker lawmakers legislator legislators congressman congresswoman councilman
  councilwoman councilmember organizer organizers activist activists advocate advocates supporter supporters
  critic critics voter voters resident residents source sources insider insiders witness witnesses neighbor
  neighbors neighbour neighbours friend friends father mother son daughter wife husband brother sister uncle
  aunt cousin parent parents owner owners worker workers employee employees student students teacher teachers
  doctor doctors nurse nurses pastor coach player players staffer staffers staff consultant consultants
  pollster pollsters operative operatives donor donors fan fans man woman men women person people boy girl
  victim victims survivor survivors protester protesters demonstrator demonstrators veteran veterans soldier
  soldiers trooper police officer spokesperson deputy deputies partner partners colleague colleagues
  historian historians scholar scholars doctor physician surgeon psychologist psychiatrist ally allies
  opponent opponents rival rivals challenger incumbent republican republicans democrat democrats
  conservative conservatives liberal liberals progressive progressives independent independents
  administrator administrators commissioner commissioners superintendent principal trustee trustees
  regulator regulators negotiator negotiators mediator official's lobbyist lobbyists banker bankers
  investor investors trader traders broker brokers buyer buyers seller sellers customer customers client
  clients patient patients parent mom dad grandmother grandfather child children kid kids teen teenager
  teenagers youth delegate delegates elector electors caller callers viewer viewers reader readers listener
  listeners attendee attendees participant participants guest guests speaker speakers panelist panelists
  moderator narrator announcer president-elect nominee-elect governor-elect mayor-elect comedian comedians actor
  actors actress actresses singer singers rapper rappers musician musicians artist artists star stars celebrity
  celebrities model designer designers filmmaker filmmakers producer producers director poet novelist athlete
  athletes quarterback pitcher coach co-host cohost co-founder entrepreneur entrepreneurs billionaire
  businessman businesswoman tycoon mogul executive chef blogger podcaster youtuber influencer pundit pundits
  columnist anchorwoman anchorman broadcaster journalist journalists photographer photographers
  spokesmodel ceo cto founder physician physicians boss bosses chairs officeholder officeholders
  strategist spokespeople mastermind organiser organisers campaigner campaigners`);

/** Nouns for written or recorded documents ("the letter said", "according to the report"). */
export const DOCUMENT_NOUNS = set(`letter letters statement statements report reports memo memos memorandum
  document documents filing filings lawsuit suit complaint study survey poll release email e-mail tweet
  tweets post posts message messages note notes order ruling decision opinion brief indictment affidavit
  transcript petition resolution bill proposal plan ad ads advertisement commercial article story piece
  editorial op-ed column book books website site page sign banner caption headline analysis review audit
  guidance policy notice warning announcement press-release summary findings paper editorial manifesto
  platform pledge agreement contract order motion verdict judgment judgement citation complaint subpoena
  warrant text video clip footage recording recordings tape tapes speech remarks interview testimony
  question questions answer answers response reply comment comments message essay blog newsletter bulletin
  alert update guidelines rules law constitution charter treaty deal proclamation declaration`);

/**
 * Capitalised words that make a name an organisation's ("State Department", "Harbor Tribune").
 * Lower case here; matched against each word of a capitalised sequence.
 */
export const ORG_WORDS = set(`department ministry office agency administration bureau commission committee
  council court congress senate house parliament assembly party campaign association union federation
  institute foundation center centre university college school academy hospital clinic bank fund group
  inc corp corporation company co ltd llc plc times post news journal tribune herald press network
  television tv radio magazine review gazette daily weekly chronicle observer guardian telegraph express
  mail mirror sun star globe examiner inquirer independent register courier dispatch ledger bulletin
  club church cathedral mosque temple police army navy force forces guard service services authority
  board organization organisation coalition alliance movement project trust society league chamber
  industries airlines airways motors systems technologies labs laboratories media studios pictures records
  entertainment productions holdings partners associates group capital ventures enterprises international global
  national federal state county city town village district province region republic kingdom empire
  command corps unit division squad team fc united nations secretariat cabinet government regime
  diocese archdiocese patriarchate parish synod embassy consulate mission delegation caucus pac committee foundation fund institute lab library museum
  gallery theater theatre orchestra festival conference summit forum council commission tribunal jury
  panel board exchange market markets reserve treasury customs patrol protection enforcement security
  intelligence defense defence health education justice energy commerce labor labour transportation
  agriculture interior affairs relations studies research sciences science medicine pharmaceuticals
  energy oil gas motors electric telecom communications software`);

/** Nouns for organisations written in lower case ("the company said", "the campaign"). */
export const ORG_NOUNS = set(`company firm campaign agency department ministry administration government
  committee commission council court group organization organisation union association party league team
  club network newspaper paper outlet magazine station channel publisher studio bank hospital school
  university college district city county state office bureau board authority police army military navy
  embassy coalition alliance movement charity nonprofit non-profit foundation institute center centre
  corporation business retailer manufacturer carrier airline operator utility developer contractor
  regime cabinet congress senate house parliament legislature assembly panel jury family`);
