/**
 * A compact list of common given names with their usual gender, for resolving "he" and "she".
 * Written for this project from general knowledge of common English-language and international given
 * names (US, UK, Europe, Latin America, South Asia, Middle East, Africa). Names used for both genders
 * are left out: they tell nothing. Lower case, space-separated.
 */
export const MALE_NAMES = `aaron abdul abdullah abe abraham adam adrian ahmad ahmed aidan ajay akira al alan albert alberto alec
alejandro alex alexander alexandre alexei alfonso alfred alfredo ali alistair allen alonzo alvin amir amit anand
anders andre andreas andrei andres andrew andy angelo angus anil anthony antoine anton antonio aref armando arnold
arthur arturo arun arjun ashok ashraf austin barack barney barry bart ben benjamin bennett benny bernard bernardo bernie
bert bill billy blake bob bobby boris brad bradley brandon brendan brett brian bruce bruno bryan bryce buck bud
byron caleb calvin cameron carl carlo carlos carter cecil cedric cesar chad charles charlie chester chris
christian christoph christopher chuck clarence clark claude clay clayton cliff clifford clint clinton clyde cody
colin conor connor conrad cory craig curtis cyrus dale dallas damian damon dan daniel danny darius deepak darnell darrell
darren darryl dave david dean dennis derek desmond devin dexter dick diego dimitri dmitri dmitry dominic don donald
donnie doug douglas duane dustin dwayne dwight earl ed eddie edgar eduardo edward edwin eli elias elijah elliot
elliott emanuel emil emilio emmanuel enrique eric erik ernest ernesto ethan eugene evan ezra fabio faisal farid
felipe felix fernando floyd francesco francis francisco frank frankie franklin fred freddie frederick fritz gabriel
garrett gary gavin gene geoff geoffrey george gerald gerard gerhard gilbert giovanni giuseppe glen glenn gordon
graham grant greg gregory guillermo gus gustavo guy hamid hank hans harold harry harvey hassan hector henri henry
herbert herman homer horace howard hugh hugo humberto hunter ian ibrahim igor isaac isaiah ivan jack jackson jacob
jake jamal james jamie jared jason javier jay jeff jeffrey jeremiah jeremy jerome jerry jesse jesus jim jimmy joaquin
joe joel joey johan johannes john johnny jon jonah jonathan jorge jose joseph josh joshua juan julian julio julius
justin kamal karim karl keith ken kenneth kenny kent kevin khalid kirk kurt kyle lamar lance larry lars lawrence
lee leo leon leonard leonardo leroy levi lewis liam lincoln lionel lloyd logan lorenzo lou louis lucas luigi luis
luke malcolm manuel marc marco marcos marcus mario mark marshall martin marvin mason mateo matt matthew maurice max
maxwell melvin michael micah miguel mike miles milton mitch mitchell mitt mohamed mohammad mohammed morgan moses
muhammad murray mustafa nathan nathaniel neal ned neil nelson nicholas nick nicolas nigel noah noel norman oliver
omar orlando oscar otto owen pablo paolo patrick paul pedro percy pete peter phil philip phillip pierre preston
rafael rahul raj rajesh ralph ramon randall randy raphael raul ravi ray raymond reggie reginald reid rex ricardo richard
rick ricky rob robert roberto rocco rod rodney roger roland rolando roman ron ronald ronnie ross roy ruben rudolph
rudy rupert russell ryan salvador sam samir samuel sanjay santiago saul scott sean sebastian sergei sergey sergio
seth shane shawn sheldon sidney simon spencer stan stanley stefan stephen steve steven stuart sunil suresh tariq ted teddy
terrence terry theo theodore thomas tim timothy toby todd tom tommy tony travis trevor troy tyler tyrone ulrich
uri victor vijay vikram vivek vince vincent vladimir wade walter warren wayne wesley wilbur will william willie wilson
winston wolfgang xavier yusuf zachary zach zack`;

export const FEMALE_NAMES = `abby abigail ada adele adriana agnes aisha alberta alexandra alexis alice alicia alison allison alma
amanda amber amelia amy ana anastasia andrea angela angelica angelina anita ann anna anne annette annie antonia april
arlene ashley audrey aurora barbara beatrice becky belinda bernadette bertha beth bethany betsy betty beverly
bianca bonnie brenda bridget brittany brooke camila candace cara carla carmen carol caroline carolyn carrie cassandra
catherine cathy cecilia celia charlene charlotte chelsea cheryl chloe christina christine cindy claire clara
claudia colleen connie constance cora courtney crystal cynthia daisy dana daniela danielle daphne darlene dawn
debbie deborah debra deirdre delia denise diana diane dolores dominique donna doris dorothy edith edna eileen elaine
eleanor elena elisa elisabeth eliza elizabeth ella ellen eloise elsa emilia emily emma erica erika erin esther
ethel eva evelyn fatima felicia fiona flora florence frances francesca gabriela gabrielle gail gemma georgia
geraldine gertrude gina giovanna gladys gloria grace gretchen gwen gwendolyn hannah harriet hazel heather heidi
helen helena hilary hillary holly hope ida ilhan ingrid irene iris isabel isabella isabelle jackie jacqueline jane
janet janice jasmine jeanette jeanne jennifer jenny jessica jill jo joan joanna joanne jocelyn josephine joy joyce
juanita judith judy julia julie juliet june justine kamala karen karin kate katherine kathleen kathryn kathy katie
katrina kayla kelly kendra kim kimberly kirsten krista kristen kristin laura lauren laurie leah leila lena leslie
lillian lily linda lisa liz lois lorena lorraine louisa louise lucia lucy luisa lydia lynn mabel madeleine madison
mae maggie malala mandy marcia margaret margarita maria mariana marie marilyn marion marisa marjorie marlene martha
mary maureen maxine megan melanie melinda melissa mercedes meredith mia michele michelle mildred miranda miriam
molly monica nadia nancy naomi natalia natalie natasha nicole nikki nina nora norma olga olivia paige pam pamela
patricia paula pauline peggy penelope penny phyllis pilar polly priscilla priya rachel ramona rebecca regina renee
rita roberta robin rosa rosalind rose rosemary roxanne ruth sabrina sally samantha sandra sara sarah sharon sheila
shelby sherry shirley silvia simone sofia sonia sophia sophie stacey stacy stella stephanie sue susan susana
suzanne svetlana sylvia tamara tammy tanya tara teresa theresa tiffany tina tracy ursula valerie vanessa vera
veronica vicki victoria viola violet virginia vivian wanda wendy whitney wilma yasmin yolanda yvonne zoe`;
