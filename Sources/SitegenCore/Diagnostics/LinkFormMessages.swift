/// Messages about how a link is written: its canonical form and the reasons a form is refused,
/// addresses hidden inside a link, Telegram and e-mail forms. A reason is a piece of a message
/// (`{reason}`), so it reads as a clause in each language.
enum LinkFormMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "link.noncanonical": Entry(
            en: "link is not written in canonical form: {reason}; {fix}{also}",
            kk: "сілтеме канондық түрде жазылмаған: {reason}; {fix}{also}",
            ru: "ссылка записана не в каноническом виде: {reason}; {fix}{also}"),
        "link.fix.suggestion": Entry(
            en: "write {suggestion} instead",
            kk: "оның орнына {suggestion} деп жазыңыз",
            ru: "напишите вместо неё {suggestion}"),
        "link.fix.exact": Entry(
            en: "write the address exactly as the site gives it",
            kk: "мекенжайды сайт бергендей дәл жазыңыз",
            ru: "напишите адрес точно так, как его даёт сайт"),
        "link.fix.end": Entry(
            en: "end the address before that character: put a space between them, or write the address in angle brackets («<https://…>»), which end it where you mean",
            kk: "мекенжайды сол таңбаның алдында аяқтаңыз: араларына бос орын қойыңыз немесе мекенжайды бұрыштық жақшаға алыңыз («<https://…>»), сонда ол сіз қалаған жерде аяқталады",
            ru: "закончите адрес перед этим символом: поставьте между ними пробел или заключите адрес в угловые скобки («<https://…>»), тогда он закончится там, где нужно"),
        "link.also": Entry(
            en: "; it also carries another address ({address})",
            kk: "; оның ішінде басқа мекенжай да бар ({address})",
            ru: "; кроме того, в ней есть другой адрес ({address})"),
        "link.reason.whitespace": Entry(
            en: "it contains a space, tab or line break, which clients drop or stop at",
            kk: "онда бос орын, табуляция немесе жол ауысуы бар, клиенттер оларды алып тастайды немесе сол жерде тоқтайды",
            ru: "в ней есть пробел, табуляция или перевод строки, которые клиенты отбрасывают или на которых останавливаются"),
        "link.reason.backslash": Entry(
            en: "it contains a backslash, which browsers read as '/' and other clients do not",
            kk: "онда кері қиғаш сызық бар, браузерлер оны «/» деп оқиды, ал басқа клиенттер олай оқымайды",
            ru: "в ней есть обратная косая черта, которую браузеры читают как «/», а другие клиенты — нет"),
        "link.reason.https": Entry(
            en: "it must start with 'https://' written in lower case",
            kk: "ол кіші әріптермен жазылған «https://» бөлігінен басталуы керек",
            ru: "она должна начинаться с «https://», написанного строчными буквами"),
        "link.reason.at": Entry(
            en: "it has an '@' before the host, which Telegram shows as a mention and browsers drop",
            kk: "онда хосттың алдында «@» тұр, Telegram оны пайдаланушыны атау ретінде көрсетеді, ал браузерлер алып тастайды",
            ru: "в ней перед хостом стоит знак «@», который Telegram показывает как упоминание, а браузеры отбрасывают"),
        "link.reason.host-percent": Entry(
            en: "the host is percent-encoded",
            kk: "хост пайыздық кодпен жазылған",
            ru: "хост закодирован через проценты"),
        "link.reason.host-dot": Entry(
            en: "the host ends with a dot",
            kk: "хост нүктемен аяқталады",
            ru: "хост оканчивается точкой"),
        "link.reason.host-empty-label": Entry(
            en: "the host has an empty label ('..' or a leading dot)",
            kk: "хостта бос бөлік бар («..» немесе басындағы нүкте)",
            ru: "в хосте есть пустая часть («..» или точка в начале)"),
        "link.reason.host-not-name": Entry(
            en: "the host is not a name",
            kk: "хост атау емес",
            ru: "хост — не имя"),
        "link.reason.host-capitals": Entry(
            en: "the host has capital letters",
            kk: "хостта бас әріптер бар",
            ru: "в хосте есть заглавные буквы"),
        "link.reason.host-form": Entry(
            en: "the host is not written as browsers read it",
            kk: "хост браузерлер оқитындай жазылмаған",
            ru: "хост записан не так, как его читают браузеры"),
        "link.reason.host-normal": Entry(
            en: "the host is not written in its normal form (browsers read {ascii})",
            kk: "хост қалыпты түрінде жазылмаған (браузерлер оны {ascii} деп оқиды)",
            ru: "хост записан не в нормальной форме (браузеры читают {ascii})"),
        "link.reason.dot-segment": Entry(
            en: "the path has a dot segment ('{segment}'), which clients resolve differently",
            kk: "жолда нүктелі бөлік бар («{segment}»), клиенттер оны әртүрлі түсінеді",
            ru: "в пути есть сегмент из точек («{segment}»), который клиенты понимают по-разному"),
        "link.reason.needless-escape": Entry(
            en: "'{escape}' encodes a character that must be written as itself",
            kk: "«{escape}» өз күйінде жазылуы тиіс таңбаны кодтайды",
            ru: "«{escape}» кодирует символ, который нужно писать как есть"),
        "link.reason.browsers-read": Entry(
            en: "browsers read it as {href}",
            kk: "браузерлер оны {href} деп оқиды",
            ru: "браузеры читают её как {href}"),
        "link.reason.app-ends": Entry(
            en: "Telegram and other apps end the link at '{character}' and show what follows as text or as a link of its own",
            kk: "Telegram мен басқа қолданбалар сілтемені «{character}» таңбасында аяқтап, одан кейінгісін мәтін немесе жеке сілтеме ретінде көрсетеді",
            ru: "Telegram и другие приложения заканчивают ссылку на символе «{character}» и показывают дальнейшее как текст или как отдельную ссылку"),
        "link.reason.app-reads-on": Entry(
            en: "Telegram reads '{rest}' as more of the address",
            kk: "Telegram «{rest}» бөлігін мекенжайдың жалғасы деп оқиды",
            ru: "Telegram читает «{rest}» как продолжение адреса"),
        "link.reason.app-unmatched": Entry(
            en: "Telegram and other apps end the link at the unmatched '{character}'",
            kk: "Telegram мен басқа қолданбалар сілтемені жұбы жоқ «{character}» таңбасында аяқтайды",
            ru: "Telegram и другие приложения заканчивают ссылку на непарном символе «{character}»"),
        "link.reason.app-final": Entry(
            en: "Telegram and other apps leave the final '{character}' out of the link",
            kk: "Telegram мен басқа қолданбалар соңғы «{character}» таңбасын сілтемеге қоспайды",
            ru: "Telegram и другие приложения не включают последний символ «{character}» в ссылку"),
        "link.reason.percent-hex": Entry(
            en: "a '%' is not followed by two hexadecimal digits",
            kk: "«%» белгісінен кейін екі он алтылық цифр жоқ",
            ru: "после «%» нет двух шестнадцатеричных цифр"),
        "link.reason.percent-utf8": Entry(
            en: "it percent-encodes bytes that are not UTF-8 text",
            kk: "онда UTF-8 мәтіні емес байттар пайыздық кодпен жазылған",
            ru: "в ней через проценты закодированы байты, которые не являются текстом UTF-8"),
        "link.reason.percent-control": Entry(
            en: "it percent-encodes a control character",
            kk: "онда басқару таңбасы пайыздық кодпен жазылған",
            ru: "в ней через проценты закодирован управляющий символ"),
        "link.reason.percent-invisible": Entry(
            en: "it percent-encodes an invisible or direction-changing character (U+{code})",
            kk: "онда көрінбейтін немесе жазу бағытын өзгертетін таңба пайыздық кодпен жазылған (U+{code})",
            ru: "в ней через проценты закодирован невидимый или меняющий направление текста символ (U+{code})"),
        "link.reason.telegram-host": Entry(
            en: "Telegram links are written on t.me",
            kk: "Telegram сілтемелері t.me арқылы жазылады",
            ru: "ссылки Telegram пишутся на t.me"),
        "link.reason.telegram-form": Entry(
            en: "it is not one of Telegram's plain link forms",
            kk: "ол Telegram сілтемесінің қарапайым түрлерінің бірі емес",
            ru: "это не одна из простых форм ссылок Telegram"),
        "link.reason.telegram-scheme": Entry(
            en: "tg:// opens only in the app, and Telegram links are written on t.me",
            kk: "tg:// тек қолданбада ашылады, ал Telegram сілтемелері t.me арқылы жазылады",
            ru: "tg:// открывается только в приложении, а ссылки Telegram пишутся на t.me"),
        "link.noncanonical.telegram": Entry(
            en: "Telegram link is not written in a plain form ({reason}); the app opens other forms its own way, so only https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> and https://t.me/<channel>/<post> are accepted",
            kk: "Telegram сілтемесі қарапайым түрде жазылмаған ({reason}); қолданба басқа түрлерін өзінше ашады, сондықтан тек https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> және https://t.me/<channel>/<post> түрлері қабылданады",
            ru: "ссылка Telegram записана не в простой форме ({reason}); другие формы приложение открывает по-своему, поэтому принимаются только https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> и https://t.me/<channel>/<post>"),
        "link.noncanonical.telegram.end": Entry(
            en: "Telegram link is not written in a plain form ({reason}); end the address before that character: put a space between them, or write the address in angle brackets («<https://t.me/…>»), which end it where you mean",
            kk: "Telegram сілтемесі қарапайым түрде жазылмаған ({reason}); мекенжайды сол таңбаның алдында аяқтаңыз: араларына бос орын қойыңыз немесе мекенжайды бұрыштық жақшаға алыңыз («<https://t.me/…>»), сонда ол сіз қалаған жерде аяқталады",
            ru: "ссылка Telegram записана не в простой форме ({reason}); закончите адрес перед этим символом: поставьте между ними пробел или заключите адрес в угловые скобки («<https://t.me/…>»), тогда он закончится там, где нужно"),
        "link.noncanonical.telegram.suggestion": Entry(
            en: "Telegram link is not written in a plain form ({reason}); the app opens other forms its own way, so only https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> and https://t.me/<channel>/<post> are accepted: write {suggestion} instead",
            kk: "Telegram сілтемесі қарапайым түрде жазылмаған ({reason}); қолданба басқа түрлерін өзінше ашады, сондықтан тек https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> және https://t.me/<channel>/<post> түрлері қабылданады: оның орнына {suggestion} деп жазыңыз",
            ru: "ссылка Telegram записана не в простой форме ({reason}); другие формы приложение открывает по-своему, поэтому принимаются только https://t.me/<handle>, https://t.me/s/<handle>, https://t.me/<handle>?start=<token> и https://t.me/<channel>/<post>: напишите вместо неё {suggestion}"),
        "link.too-long": Entry(
            en: "link is {length} characters long, more than the {most} an address may have; link the page itself",
            kk: "сілтеме {length} таңбадан тұрады, бұл мекенжайға рұқсат етілген {most} таңбадан көп; беттің өзіне сілтеме беріңіз",
            ru: "ссылка длиной {length} символов, больше допустимых для адреса {most}; дайте ссылку на саму страницу"),
        "link.invisible": Entry(
            en: "link contains an invisible or direction-changing character (U+{code}): retype the address, or copy it again from the official site",
            kk: "сілтемеде көрінбейтін немесе жазу бағытын өзгертетін таңба бар (U+{code}): мекенжайды қайта теріңіз немесе ресми сайттан қайта көшіріңіз",
            ru: "в ссылке есть невидимый или меняющий направление текста символ (U+{code}): наберите адрес заново или снова скопируйте его с официального сайта"),
        "link.leaves-site": Entry(
            en: "link leaves the site: write the full https:// address of the official page, or a path of this site",
            kk: "сілтеме сайттан шығып кетеді: ресми беттің толық https:// мекенжайын немесе осы сайттың жолын жазыңыз",
            ru: "ссылка уводит с сайта: напишите полный адрес https:// официальной страницы или путь на этом сайте"),
        "link.query": Entry(
            en: "link carries another address ({address}) in its path, query or fragment; link the official page itself",
            kk: "сілтеменің жолында, сұрауында немесе фрагментінде басқа мекенжай бар ({address}); ресми беттің өзіне сілтеме беріңіз",
            ru: "в пути, запросе или фрагменте ссылки есть другой адрес ({address}); дайте ссылку на саму официальную страницу"),
        "link.no-host": Entry(
            en: "link has no host: write the site's name after https://",
            kk: "сілтемеде хост жоқ: https:// бөлігінен кейін сайттың атауын жазыңыз",
            ru: "в ссылке нет хоста: напишите имя сайта после https://"),
        "link.mixed-alphabets": Entry(
            en: "host {host} mixes alphabets, as spoofed names do: retype the name in one alphabet",
            kk: "{host} хосты жалған атаулардағыдай әртүрлі әліпбилерді араластырады: атауды бір әліпбимен қайта теріңіз",
            ru: "в хосте {host} смешаны алфавиты, как в поддельных именах: наберите имя заново одним алфавитом"),
        "telegram.no-handle": Entry(
            en: "Telegram link names no bot or channel: link the official bot or channel itself (https://t.me/<handle>)",
            kk: "Telegram сілтемесі ешбір ботты не арнаны атамайды: ресми боттың не арнаның өзіне сілтеме беріңіз (https://t.me/<handle>)",
            ru: "ссылка Telegram не называет ни бота, ни канала: дайте ссылку на сам официальный бот или канал (https://t.me/<handle>)"),
        "telegram.resolve-no-bot": Entry(
            en: "tg://resolve link names no bot: link the official bot as https://t.me/<handle>",
            kk: "tg://resolve сілтемесі ешбір ботты атамайды: ресми ботқа https://t.me/<handle> түрінде сілтеме беріңіз",
            ru: "ссылка tg://resolve не называет бота: дайте ссылку на официальный бот в виде https://t.me/<handle>"),
        "link.scheme.tg": Entry(
            en: "tg: links other than tg://resolve are not allowed: link the official bot or channel as https://t.me/<handle>",
            kk: "tg://resolve-тен басқа tg: сілтемелеріне рұқсат жоқ: ресми ботқа не арнаға https://t.me/<handle> түрінде сілтеме беріңіз",
            ru: "ссылки tg:, кроме tg://resolve, запрещены: дайте ссылку на официальный бот или канал в виде https://t.me/<handle>"),
        "link.scheme.tg-parameter": Entry(
            en: "tg://resolve with '{name}=' cannot be proven official: link the official bot as https://t.me/<handle>",
            kk: "«{name}=» параметрі бар tg://resolve сілтемесінің ресми екенін дәлелдеу мүмкін емес: ресми ботқа https://t.me/<handle> түрінде сілтеме беріңіз",
            ru: "ссылку tg://resolve с «{name}=» нельзя признать официальной: дайте ссылку на официальный бот в виде https://t.me/<handle>"),
        "link.scheme.tg-bots": Entry(
            en: "tg://resolve names more than one bot: link the one official bot as https://t.me/<handle>",
            kk: "tg://resolve бірнеше ботты атайды: бір ресми ботқа https://t.me/<handle> түрінде сілтеме беріңіз",
            ru: "tg://resolve называет больше одного бота: дайте ссылку на один официальный бот в виде https://t.me/<handle>"),
        "link.mail-empty": Entry(
            en: "e-mail link has no address: write mailto: followed by the official address",
            kk: "электрондық пошта сілтемесінде мекенжай жоқ: mailto: бөлігінен кейін ресми мекенжайды жазыңыз",
            ru: "в ссылке на электронную почту нет адреса: напишите после mailto: официальный адрес"),
        "link.mail-form": Entry(
            en: "write an e-mail link as mailto:name@domain and nothing more (Latin letters, digits and . _ + - before @, a plain domain after it; no second address, no ?body= or other header (a ?subject= of plain words may follow), no %-escapes before it): a mail client reads anything else its own way",
            kk: "электрондық пошта сілтемесін тек mailto:атау@домен түрінде жазыңыз (@ алдында латын әріптері, цифрлар және . _ + -, одан кейін қарапайым домен; екінші мекенжайсыз, ?body= не басқа тақырыпшасыз (тек қарапайым сөздерден тұратын ?subject= болуы мүмкін), алдында %-escape белгілерінсіз): пошта бағдарламасы басқасын өзінше оқиды",
            ru: "пишите ссылку на почту только в виде mailto:имя@домен (до @ латинские буквы, цифры и . _ + -, после — обычный домен; без второго адреса, без ?body= и других заголовков (допустим ?subject= из простых слов), без %-escape до него): всё остальное почтовая программа читает по-своему"),
        "link.mail-domain": Entry(
            en: "e-mail address with no valid domain ({name}): write the official address in full, name@domain",
            kk: "электрондық пошта мекенжайында дұрыс домен жоқ ({name}): ресми мекенжайды толық, атау@домен түрінде жазыңыз",
            ru: "в адресе электронной почты нет правильного домена ({name}): напишите официальный адрес полностью, имя@домен"),
        "text.mail-not-latin": Entry(
            en: "{text} is no e-mail address to a messenger (only Latin letters, digits and . _ + - may come before @): it opens as a link with a user name; write the part before @ in Latin letters",
            kk: "{text} мессенджер үшін электрондық пошта мекенжайы емес (@ алдында тек латын әріптері, цифрлар және . _ + - тұра алады): ол пайдаланушы аты бар сілтеме болып ашылады; @ алдындағы бөлікті латын әріптерімен жазыңыз",
            ru: "{text} для мессенджера не адрес электронной почты (до @ могут стоять только латинские буквы, цифры и . _ + -): он откроется как ссылка с именем пользователя; напишите часть до @ латиницей"),
        "text.pasted-link": Entry(
            en: "[text]({address}) written as text becomes a link to {address} once the text is pasted into a Telegram app, which reads it as formatting; only an official https:// address may stand in the parentheses: write it out in full, or leave out the brackets",
            kk: "мәтін ретінде жазылған [мәтін]({address}) Telegram қолданбасына көшіріп қойылғанда {address} мекенжайына сілтеме болады, өйткені қолданба оны пішімдеу деп оқиды; жақша ішінде тек ресми https:// мекенжайы тұра алады: оны толық жазыңыз немесе жақшаларды алып тастаңыз",
            ru: "[текст]({address}), записанный как текст, становится ссылкой на {address}, когда текст вставляют в приложение Telegram: оно читает это как форматирование; в скобках может стоять только официальный адрес https://: напишите его полностью или уберите скобки"),
        "text.pasted-link.note": Entry(
            en: "{detail} (in [text](address) written as text, which a Telegram app makes a link when the text is pasted into it)",
            kk: "{detail} (мәтін ретінде жазылған [мәтін](мекенжай) ішінде: Telegram қолданбасы оны көшіріп қойғанда сілтемеге айналдырады)",
            ru: "{detail} (в [текст](адрес), записанном как текст: приложение Telegram делает из него ссылку, когда текст вставляют)"),
        "text.across-formatting": Entry(
            en: "{detail} (written across formatting)",
            kk: "{detail} (пішімдеумен бөлініп жазылған)",
            ru: "{detail} (разбито форматированием)"),
        "text.whatsapp-markers": Entry(
            en: "{detail} (as WhatsApp shows it, and Telegram sends it when pasted: they hide the *, _, ~, ` and || written around text; leave them out here)",
            kk: "{detail} (WhatsApp көрсеткендей, Telegram көшіріп қойғанда жібергендей: олар мәтін айналасындағы *, _, ~, ` және || таңбаларын жасырады; оларды бұл жерде жазбаңыз)",
            ru: "{detail} (так это покажет WhatsApp и отправит Telegram при вставке: они скрывают знаки *, _, ~, ` и || вокруг текста; не пишите их здесь)"),
    ]
}
