/**
 * Place names that are often capitalised next to people in news ("Sen. Ted Udo of New Hampshire",
 * "Raleigh, N.C."), so they are never taken for a person's name. Countries, US states and their
 * abbreviations, regions and large cities: each word of a multi-word name is listed, and a run of
 * capitalised words is a place when all its words are. Words that are also common given names or
 * surnames (Jordan, Carson, Jackson, Washington, Georgia) are left out. Lower case.
 */
export const PLACES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina
burundi cambodia cameroon canada chile china colombia comoros congo croatia cuba cyprus czechia denmark
djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia germany
ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland
israel italy jamaica japan kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon
lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta
mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar burma
namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles
singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
vatican venezuela vietnam yemen zambia zimbabwe britain england scotland wales america europe asia africa
antarctica oceania alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont
virginia wisconsin wyoming carolina dakota ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md
mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo n.c s.c n.d s.d n.h n.j n.m n.y
r.i w.va d.c new york jersey mexico hampshire north south east west northern southern eastern western central
london berlin moscow beijing tokyo delhi mumbai cairo baghdad tehran kabul damascus jerusalem gaza beirut
istanbul ankara athens rome madrid lisbon dublin brussels amsterdam vienna warsaw prague budapest kyiv kiev
minsk stockholm oslo copenhagen helsinki geneva zurich toronto montreal vancouver ottawa sydney melbourne
auckland seoul pyongyang shanghai hong kong singapore bangkok manila jakarta hanoi karachi lahore islamabad
dhaka riyadh dubai doha tripoli tunis algiers nairobi lagos johannesburg havana caracas bogota santiago
brasilia rio buenos aires chicago boston atlanta miami denver seattle philadelphia detroit cleveland baltimore
tampa nashville memphis sacramento oakland brooklyn manhattan queens bronx harlem hollywood los san las vegas
orleans st kansas city salt lake pittsburgh cincinnati indianapolis milwaukee minneapolis omaha albuquerque
tucson charleston tulsa wichita des moines albany hartford providence newark trenton annapolis anchorage
honolulu juneau boise cheyenne bismarck topeka baton rouge tallahassee frankfort harrisburg montpelier
sacramento capitol hill wall street silicon valley midwest northeast southwest southeast pacific atlantic
mediterranean caribbean gulf middle east balkans caucasus sahara crimea donbas kashmir tibet xinjiang hokkaido
bavaria catalonia quebec ontario alberta columbia yukon normandy`;
