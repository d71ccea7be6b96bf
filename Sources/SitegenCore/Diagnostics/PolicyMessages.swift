/// Messages of the link policy: links, names in text, Telegram handles, known fakes.
enum PolicyMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "link.host": Entry(
            en: "{host} is not on the list of official sites (links.allow in sitegen.yml): link an official site instead, or, if {host} is official, have it added to links.allow",
            kk: "{host} ресми сайттар тізімінде жоқ (sitegen.yml ішіндегі links.allow): оның орнына ресми сайтқа сілтеме беріңіз; ал {host} ресми болса, оны links.allow тізіміне қостырыңыз",
            ru: "{host} нет в списке официальных сайтов (links.allow в sitegen.yml): дайте ссылку на официальный сайт, а если {host} официальный, попросите добавить его в links.allow"),
        "text.domain": Entry(
            en: "{host} is not on the list of official sites, and messengers turn it into a link: write an official site instead, or, if {host} is official, have it added to links.allow in sitegen.yml",
            kk: "{host} ресми сайттар тізімінде жоқ, ал мессенджерлер оны сілтемеге айналдырады: ресми сайтты жазыңыз; ал {host} ресми болса, оны sitegen.yml ішіндегі links.allow тізіміне қостырыңыз",
            ru: "{host} нет в списке официальных сайтов, а мессенджеры превращают его в ссылку: напишите официальный сайт, а если {host} официальный, попросите добавить его в links.allow в sitegen.yml"),
        "link.host.subdomain": Entry(
            en: "{host} is a subdomain of {parent} that is not on the list: if it is official, add {host} or *.{parent} to links.allow in sitegen.yml",
            kk: "{host} — {parent} сайтының тізімде жоқ субдомені: егер ол ресми болса, sitegen.yml ішіндегі links.allow тізіміне {host} немесе *.{parent} қосыңыз",
            ru: "{host} — поддомен {parent}, которого нет в списке: если он официальный, добавьте {host} или *.{parent} в links.allow в sitegen.yml"),
        "link.host.wildcard-base": Entry(
            en: "only subdomains of {host} are allowed (*.{host}): list {host} itself in links.allow if it is official",
            kk: "{host} сайтының тек субдомендеріне рұқсат бар (*.{host}): {host} өзі ресми болса, оны links.allow тізіміне жеке қосыңыз",
            ru: "разрешены только поддомены {host} (*.{host}): если сам {host} официальный, добавьте его в links.allow отдельно"),
        "link.lookalike": Entry(
            en: "{host} looks like {official} but is not the official site: link {official} itself",
            kk: "{host} ресми {official} сайтына еліктейді: {official} сайтының өзіне сілтеме беріңіз",
            ru: "{host} подделывается под официальный {official}: дайте ссылку на сам {official}"),
        "text.domain.lookalike": Entry(
            en: "{host} looks like {official} but is not the official site: write {official}; to warn readers about {host}, list it under links.fake_domains in sitegen.yml and name it inside a > [!WARNING] block",
            kk: "{host} ресми {official} сайтына еліктейді: {official} деп жазыңыз; оқырманды {host} туралы ескерту үшін оны sitegen.yml ішіндегі links.fake_domains тізіміне қосып, > [!WARNING] блогының ішінде атаңыз",
            ru: "{host} подделывается под официальный {official}: напишите {official}; чтобы предупредить читателей о {host}, внесите его в links.fake_domains в sitegen.yml и называйте внутри блока > [!WARNING]"),
        "text.domain.lookalike.as-read": Entry(
            en: "{written} reads as {host}, which looks like {official} but is not the official site: write {official}; to warn readers about {host}, list it under links.fake_domains in sitegen.yml and name it inside a > [!WARNING] block",
            kk: "{written} {host} болып оқылады, ал ол ресми {official} сайтына еліктейді: {official} деп жазыңыз; оқырманды {host} туралы ескерту үшін оны sitegen.yml ішіндегі links.fake_domains тізіміне қосып, > [!WARNING] блогының ішінде атаңыз",
            ru: "{written} читается как {host}, а он подделывается под официальный {official}: напишите {official}; чтобы предупредить читателей о {host}, внесите его в links.fake_domains в sitegen.yml и называйте внутри блока > [!WARNING]"),
        "text.domain.dot-like": Entry(
            en: "{written} reads as {host}: no app links it, but a reader types it with a dot, and {host} is not on the list of official sites; write an official site instead, or, if {host} is official, write it with a dot and have it added to links.allow in sitegen.yml",
            kk: "{written} {host} болып оқылады: оны ешбір қолданба сілтемеге айналдырмайды, бірақ оқырман оны нүктемен теріп жазады, ал {host} ресми сайттар тізімінде жоқ; ресми сайтты жазыңыз, ал {host} ресми болса, оны нүктемен жазып, sitegen.yml ішіндегі links.allow тізіміне қостырыңыз",
            ru: "{written} читается как {host}: ни одно приложение не делает его ссылкой, но читатель наберёт его с точкой, а {host} нет в списке официальных сайтов; напишите официальный сайт, а если {host} официальный, напишите его с точкой и попросите добавить его в links.allow в sitegen.yml"),
        "text.domain.as-read": Entry(
            en: "{written} reads as {host}: no app links it as written, but a reader types what they see, and {host} is not on the list of official sites; write an official site instead, in plain letters, or, if {host} is official, write it so and have it added to links.allow in sitegen.yml",
            kk: "{written} {host} болып оқылады: жазылғандай күйінде оны ешбір қолданба сілтемеге айналдырмайды, бірақ оқырман көргенін теріп жазады, ал {host} ресми сайттар тізімінде жоқ; ресми сайтты қарапайым әріптермен жазыңыз, ал {host} ресми болса, оны солай жазып, sitegen.yml ішіндегі links.allow тізіміне қостырыңыз",
            ru: "{written} читается как {host}: в таком написании ни одно приложение не делает его ссылкой, но читатель наберёт то, что видит, а {host} нет в списке официальных сайтов; напишите официальный сайт обычными буквами, а если {host} официальный, напишите его так и попросите добавить его в links.allow в sitegen.yml"),
        "text.domain.new-fake": Entry(
            en: "{host} is not a known fake yet, so even a warning cannot name it: list it under links.fake_domains in sitegen.yml (with a description in each language), then it is shown defanged here",
            kk: "{host} әлі белгілі жалған сайттар тізімінде жоқ, сондықтан оны ескертуде де атауға болмайды: оны sitegen.yml ішіндегі links.fake_domains тізіміне (әр тілде сипаттамасымен) қосыңыз, сонда ол мұнда қауіпсіз түрде көрсетіледі",
            ru: "{host} ещё нет в списке известных подделок, поэтому его нельзя называть даже в предупреждении: внесите его в links.fake_domains в sitegen.yml (с описанием на каждом языке), и здесь он будет показан обезвреженным"),
        "text.domain.telegram-host": Entry(
            en: "{host} on its own is made a link to Telegram's front page by messengers, and it is not on the list of official sites: write the official bot's whole address ({bot}) or the word Telegram; to name {host} itself, have it added to links.allow in sitegen.yml",
            kk: "{host} жеке тұрса, мессенджерлер оны Telegram-ның басты бетіне сілтеме етеді, ал ол ресми сайттар тізімінде жоқ: ресми боттың толық мекенжайын ({bot}) немесе жай Telegram сөзін жазыңыз; {host} атауының өзін жазу үшін оны sitegen.yml ішіндегі links.allow тізіміне қостырыңыз",
            ru: "{host} сам по себе мессенджеры превращают в ссылку на главную страницу Telegram, а его нет в списке официальных сайтов: напишите полный адрес официального бота ({bot}) или просто слово Telegram; чтобы называть сам {host}, попросите добавить его в links.allow в sitegen.yml"),
        "link.lookalike.mixed": Entry(
            en: "{host} mixes alphabets: the letter “{letter}” is from another alphabet than the rest of the name, as in spoofed names; retype the name in Latin letters",
            kk: "{host} атауында әліпбилер араласқан: «{letter}» әрпі атаудың қалған бөлігінен басқа әліпбиден, жалған атаулардағыдай; атауды латын әріптерімен қайта теріңіз",
            ru: "в {host} смешаны алфавиты: буква «{letter}» из другого алфавита, чем остальное имя, как в поддельных адресах; наберите имя заново латиницей"),
        "link.fake": Entry(
            en: "{host} is a known fake site: never link it; to warn readers, name it as text inside a > [!WARNING] block, where it is shown defanged",
            kk: "{host} — белгілі жалған сайт: оған ешқашан сілтеме бермеңіз; оқырманды ескерту үшін оны > [!WARNING] блогының ішінде мәтін ретінде атаңыз, онда ол қауіпсіз түрде көрсетіледі",
            ru: "{host} — известный поддельный сайт: никогда не ставьте на него ссылку; чтобы предупредить читателей, назовите его текстом внутри блока > [!WARNING], там он будет показан обезвреженным"),
        "text.fake.domain": Entry(
            en: "{host} is a known fake site: name it only inside a > [!WARNING] block",
            kk: "{host} — белгілі жалған сайт: оны тек > [!WARNING] блогының ішінде атаңыз",
            ru: "{host} — известный поддельный сайт: называйте его только внутри блока > [!WARNING]"),
        "text.fake": Entry(
            en: "{name} is a known fake: name it only inside a > [!WARNING] block",
            kk: "{name} — белгілі жалған атау: оны тек > [!WARNING] блогының ішінде атаңыз",
            ru: "{name} — известная подделка: называйте её только внутри блока > [!WARNING]"),
        "text.fake.written": Entry(
            en: "{written} (the known fake {name}) is a known fake: name it only inside a > [!WARNING] block",
            kk: "{written} (белгілі жалған {name}) — белгілі жалған атау: оны тек > [!WARNING] блогының ішінде атаңыз",
            ru: "{written} (известная подделка {name}) — известная подделка: называйте её только внутри блока > [!WARNING]"),
        "text.fake.field": Entry(
            en: "{name} is a known fake, and {field}: cannot hold a warning block: leave the name out of {field}: and name it in the page's text inside > [!WARNING]",
            kk: "{name} — белгілі жалған атау, ал {field}: өрісінде ескерту блогы болмайды: атауды {field}: өрісінен алып тастап, беттің мәтінінде > [!WARNING] ішінде атаңыз",
            ru: "{name} — известная подделка, а в поле {field}: не бывает блока-предупреждения: уберите имя из {field}: и назовите его в тексте страницы внутри > [!WARNING]"),
        "link.scheme.http": Entry(
            en: "http:// links are not allowed; use https://",
            kk: "http:// сілтемелеріне рұқсат жоқ; https:// жазыңыз",
            ru: "ссылки http:// не допускаются; пишите https://"),
        "link.scheme": Entry(
            en: "{scheme}: links are not allowed; use https://",
            kk: "{scheme}: сілтемелеріне рұқсат жоқ; https:// жазыңыз",
            ru: "ссылки {scheme}: не допускаются; пишите https://"),
        "link.scheme.relative": Entry(
            en: "a link starting with // has no scheme, and apps open it differently; write https:// in front",
            kk: "// белгісінен басталатын сілтемеде протокол жоқ, қолданбалар оны әртүрлі ашады; алдына https:// жазыңыз",
            ru: "у ссылки, начинающейся с //, нет протокола, и приложения открывают её по-разному; напишите впереди https://"),
        "link.invalid": Entry(
            en: "the link's destination is not an address: write a whole address, like https://egov.kz/",
            kk: "сілтеменің мақсаты мекенжай емес: толық мекенжай жазыңыз, мысалы https://egov.kz/",
            ru: "цель ссылки — не адрес: напишите полный адрес, например https://egov.kz/"),
        "link.relative-domain": Entry(
            en: "“{name}” looks like a site but is linked as a page of this site: write https://{name}/",
            kk: "«{name}» сайтқа ұқсайды, бірақ осы сайттың беті ретінде сілтеме берілген: https://{name}/ деп жазыңыз",
            ru: "«{name}» похоже на сайт, но дано ссылкой как страница этого сайта: напишите https://{name}/"),
        "link.credentials": Entry(
            en: "the link has a user name or password before “@”, so it really opens {host}: write the official address without it",
            kk: "сілтемеде «@» алдында пайдаланушы аты немесе құпиясөз бар, сондықтан ол шын мәнінде {host} сайтын ашады: ресми мекенжайды онсыз жазыңыз",
            ru: "в ссылке перед «@» стоит имя пользователя или пароль, поэтому на самом деле она открывает {host}: напишите официальный адрес без этого"),
        "link.phone": Entry(
            en: "the number {number} is not on the official list (links.phones in sitegen.yml): link only official numbers",
            kk: "{number} нөмірі ресми тізімде жоқ (sitegen.yml ішіндегі links.phones): тек ресми нөмірлерге сілтеме беріңіз",
            ru: "номера {number} нет в официальном списке (links.phones в sitegen.yml): давайте ссылки только на официальные номера"),
        "link.fake-text": Entry(
            en: "{name} is a known fake and cannot be the text of a link: write it as plain text inside a > [!WARNING] block",
            kk: "{name} — белгілі жалған атау, ол сілтеменің мәтіні бола алмайды: оны > [!WARNING] блогының ішінде қарапайым мәтінмен жазыңыз",
            ru: "{name} — известная подделка и не может быть текстом ссылки: напишите её простым текстом внутри блока > [!WARNING]"),
        "link.text-mismatch": Entry(
            en: "the link's text says {shown} but the link goes to {target}: make them the same address, or write words as the text",
            kk: "сілтеменің мәтінінде {shown} деп жазылған, бірақ сілтеме {target} сайтына апарады: екеуін бір мекенжай етіңіз немесе мәтінге сөз жазыңыз",
            ru: "в тексте ссылки написано {shown}, а ведёт она на {target}: сделайте их одним адресом или напишите в тексте слова"),
        "link.text-mismatch.elsewhere": Entry(
            en: "the link's text says {shown} but the link goes elsewhere: make them the same address, or write words as the text",
            kk: "сілтеменің мәтінінде {shown} деп жазылған, бірақ сілтеме басқа жерге апарады: екеуін бір мекенжай етіңіз немесе мәтінге сөз жазыңыз",
            ru: "в тексте ссылки написано {shown}, а ведёт она в другое место: сделайте их одним адресом или напишите в тексте слова"),
        "text.phone.sms": Entry(
            en: "{number} goes into the SMS ({field}), where the phone's messages app offers it as a number to call ({dialled}), and it is not on links.phones: leave it out of the SMS or write it otherwise (an amount as «1,25 млн»); an official number has to be added to links.phones",
            kk: "{number} SMS-ке түседі ({field}), ал телефонның хабарлама қолданбасы оны қоңырау шалатын нөмір ретінде ұсынады ({dialled}), бірақ ол links.phones тізімінде жоқ: оны SMS-тен алып тастаңыз немесе басқаша жазыңыз (соманы «1,25 млн» деп); ресми нөмірді links.phones тізіміне қосу керек",
            ru: "{number} попадает в SMS ({field}), где приложение сообщений телефона предлагает позвонить по нему ({dialled}), а его нет в links.phones: уберите его из SMS или напишите иначе (сумму — «1,25 млн»); официальный номер нужно добавить в links.phones"),
        "text.phone": Entry(
            en: "the phone number {number} is not on the official list (links.phones in sitegen.yml): print only official numbers",
            kk: "{number} телефон нөмірі ресми тізімде жоқ (sitegen.yml ішіндегі links.phones): тек ресми нөмірлерді жазыңыз",
            ru: "номера телефона {number} нет в официальном списке (links.phones в sitegen.yml): указывайте только официальные номера"),
        "text.phone.count": Entry(
            en: "a count is put in this string, which holds digits ({text}): a count of any size may make a phone or card number of them, across words and marks too: write the string without digits",
            kk: "бұл жолға сан қойылады, ал онда цифрлар бар ({text}): кез келген сан олармен бірге, сөздер мен белгілер арқылы да, телефон не карта нөмірін құрауы мүмкін: жолды цифрларсыз жазыңыз",
            ru: "в эту строку подставляется число, а в ней есть цифры ({text}): число любой величины может сложить с ними номер телефона или карты, в том числе через слова и знаки: напишите строку без цифр"),
        "text.card": Entry(
            en: "Telegram reads {number} as a bank card number and makes it tappable: print no card numbers, and show a fraudster's card by its last four digits only (•••• 6789)",
            kk: "Telegram {number} санын банк картасының нөмірі деп таниды және оны басуға болатын етеді: карта нөмірлерін жазбаңыз, алаяқтың картасын тек соңғы төрт цифрымен көрсетіңіз (•••• 6789)",
            ru: "Telegram читает {number} как номер банковской карты и делает его нажимаемым: не печатайте номера карт, а карту мошенника указывайте только по четырём последним цифрам (•••• 6789)"),
        "text.ip": Entry(
            en: "{address} is an IP address, which no reader can tell is official: write the official site's name",
            kk: "{address} — IP мекенжайы, оқырман оның ресми екенін біле алмайды: ресми сайттың атауын жазыңыз",
            ru: "{address} — IP-адрес, читатель не может понять, официальный ли он: напишите имя официального сайта"),
        "text.invisible": Entry(
            en: "the text holds an invisible or direction-changing character ({character}): delete the word here and type it again",
            kk: "мәтінде көрінбейтін немесе бағытты өзгертетін таңба бар ({character}): осы жердегі сөзді өшіріп, қайта теріңіз",
            ru: "в тексте есть невидимый или меняющий направление символ ({character}): удалите здесь слово и наберите его заново"),
        "text.right-to-left": Entry(
            en: "the text holds a right-to-left letter ({character}) beside digits: it turns them around group by group, so a reader may see another number than the one written; remove it",
            kk: "мәтінде цифрлардың қасында оңнан солға жазылатын әріп бар ({character}): ол цифр топтарының ретін ауыстырады, сондықтан оқырман жазылғаннан басқа нөмірді көруі мүмкін; оны алып тастаңыз",
            ru: "в тексте рядом с цифрами есть буква письма справа налево ({character}): она переставляет группы цифр, и читатель может увидеть другой номер, чем написан; удалите её"),
        "link.port": Entry(
            en: "the link names a port; official sites use the default one: remove the “:” and the number after the name",
            kk: "сілтемеде порт көрсетілген; ресми сайттар әдепкі портты пайдаланады: атаудан кейінгі «:» белгісі мен санды алып тастаңыз",
            ru: "в ссылке указан порт; официальные сайты используют порт по умолчанию: уберите «:» и число после имени"),
        "link.ip": Entry(
            en: "the link goes to the IP address {address}; official sites have names: link the official site by its name",
            kk: "сілтеме {address} IP мекенжайына апарады; ресми сайттардың атауы болады: ресми сайтқа атауы арқылы сілтеме беріңіз",
            ru: "ссылка ведёт на IP-адрес {address}; у официальных сайтов есть имена: дайте ссылку на официальный сайт по имени"),
        "telegram.invite": Entry(
            en: "a Telegram invite link cannot be proven official: link the official channel or bot by its name (https://t.me/name)",
            kk: "Telegram шақыру сілтемесінің ресми екенін дәлелдеу мүмкін емес: ресми арнаға немесе ботқа атауы арқылы сілтеме беріңіз (https://t.me/атауы)",
            ru: "нельзя доказать, что ссылка-приглашение Telegram официальная: дайте ссылку на официальный канал или бот по имени (https://t.me/имя)"),
        "telegram.fake": Entry(
            en: "@{handle} is a known fake bot: never link it; name it only inside a > [!WARNING] block",
            kk: "@{handle} — белгілі жалған бот: оған сілтеме бермеңіз; оны тек > [!WARNING] блогының ішінде атаңыз",
            ru: "@{handle} — известный поддельный бот: не ставьте на него ссылку; называйте его только внутри блока > [!WARNING]"),
        "telegram.unknown": Entry(
            en: "@{handle} is not on the official list of Telegram handles (links.telegram.official in sitegen.yml): name only official bots and channels",
            kk: "@{handle} ресми Telegram атаулары тізімінде жоқ (sitegen.yml ішіндегі links.telegram.official): тек ресми боттар мен арналарды атаңыз",
            ru: "@{handle} нет в списке официальных имён Telegram (links.telegram.official в sitegen.yml): называйте только официальные боты и каналы"),
        "telegram.unknown.bare": Entry(
            en: "{written} is a Telegram bot's name: a reader searches Telegram for @{handle} and writes to whoever holds it, and it is not on the official list (links.telegram.official in sitegen.yml); name only official bots, or, if it is a fake, list it under links.telegram.fake and name it inside a > [!WARNING] block",
            kk: "{written} — Telegram ботының атауы: оқырман Telegram іздеуінен @{handle} атауын тауып, оның иесіне жазады, ал бұл атау ресми тізімде жоқ (sitegen.yml ішіндегі links.telegram.official); тек ресми боттарды атаңыз, ал жалған бот болса, оны links.telegram.fake тізіміне қосып, > [!WARNING] блогының ішінде атаңыз",
            ru: "{written} — имя бота в Telegram: читатель найдёт @{handle} через поиск Telegram и напишет тому, кому принадлежит это имя, а его нет в официальном списке (links.telegram.official в sitegen.yml); называйте только официальных ботов, а если это подделка, внесите её в links.telegram.fake и назовите внутри блока > [!WARNING]"),
        "telegram.unknown.near.bare": Entry(
            en: "{written} is a Telegram bot's name a reader searches Telegram for, and @{handle} is not an official handle: did you mean @{meant}?",
            kk: "{written} — оқырман Telegram іздеуінен табатын бот атауы, ал @{handle} ресми Telegram атауы емес: @{meant} деп жазбақ болдыңыз ба?",
            ru: "{written} — имя бота, которое читатель ищет в Telegram, а @{handle} — не официальное имя в Telegram: вы имели в виду @{meant}?"),
        "telegram.unknown.near": Entry(
            en: "@{handle} is not an official Telegram handle: did you mean @{meant}?",
            kk: "@{handle} — ресми Telegram атауы емес: @{meant} деп жазбақ болдыңыз ба?",
            ru: "@{handle} — не официальное имя в Telegram: вы имели в виду @{meant}?"),
    ]
}
