/// Messages about `sitegen.yml`: its encoding, its YAML, its keys, languages, address and deploy targets.
enum ConfigMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "config.missing.none": Entry(
            en: "no sitegen.yml in {folder}: run sitegen in the site's folder, or name that folder with --source",
            kk: "{folder} бумасында sitegen.yml жоқ: sitegen-ді сайттың бумасында іске қосыңыз немесе ол буманы --source арқылы көрсетіңіз",
            ru: "в {folder} нет sitegen.yml: запустите sitegen в папке сайта или укажите эту папку через --source"),
        "config.missing.unreadable": Entry(
            en: "cannot read sitegen.yml: {reason}: it must be a regular file that may be read (check its type and permissions)",
            kk: "sitegen.yml оқылмайды: {reason}: ол оқуға рұқсат бар кәдімгі файл болуы керек (түрі мен қолжетімділік құқықтарын тексеріңіз)",
            ru: "не удаётся прочитать sitegen.yml: {reason}: это должен быть обычный файл, который можно читать (проверьте его тип и права доступа)"),
        "config.empty": Entry(
            en: "sitegen.yml is empty: it needs at least title, baseURL, languages and links",
            kk: "sitegen.yml бос: онда кемінде title, baseURL, languages және links болуы керек",
            ru: "sitegen.yml пуст: в нём должны быть как минимум title, baseURL, languages и links"),
        "config.encoding.utf8": Entry(
            en: "sitegen.yml is not valid UTF-8: save it as UTF-8",
            kk: "sitegen.yml дұрыс UTF-8 емес: файлды UTF-8 кодтауында сақтаңыз",
            ru: "sitegen.yml не в кодировке UTF-8: сохраните его в UTF-8"),
        "config.encoding.nul": Entry(
            en: "sitegen.yml contains a NUL byte: remove it, or save the file again as UTF-8 text",
            kk: "sitegen.yml ішінде NUL байты бар: оны алып тастаңыз немесе файлды UTF-8 мәтіні ретінде қайта сақтаңыз",
            ru: "в sitegen.yml есть байт NUL: удалите его или заново сохраните файл как текст UTF-8"),
        "yaml.syntax.detail": Entry(
            en: "invalid YAML: {detail}: correct the line shown (often a missing colon, an unclosed quote or a wrong indent)",
            kk: "YAML қатесі: {detail}: көрсетілген жолды түзетіңіз (көбіне қос нүкте жетіспейді, тырнақша жабылмаған немесе шегініс қате)",
            ru: "ошибка YAML: {detail}: исправьте указанную строку (часто не хватает двоеточия, не закрыта кавычка или неверный отступ)"),
        "yaml.syntax.duplicate": Entry(
            en: "invalid YAML: duplicate key {key}: keep only one of them",
            kk: "YAML қатесі: {key} кілті қайталанған: біреуін ғана қалдырыңыз",
            ru: "ошибка YAML: ключ {key} повторяется: оставьте только один"),
        "yaml.type.key": Entry(
            en: "{what} has a key that is not a string: write the key as plain text",
            kk: "{what} ішінде мәтін емес кілт бар: кілтті қарапайым мәтінмен жазыңыз",
            ru: "в {what} есть ключ, который не является строкой: напишите ключ обычным текстом"),
        "config.unknown-key": Entry(
            en: "unknown key '{key}' in {where} (known: {known}): correct its spelling or remove it",
            kk: "{where} ішінде белгісіз «{key}» кілті бар (белгілі кілттер: {known}): жазылуын түзетіңіз немесе оны алып тастаңыз",
            ru: "неизвестный ключ «{key}» в {where} (известные: {known}): исправьте написание или удалите его"),
        "config.missing-key": Entry(
            en: "sitegen.yml has no '{key}': add it (the README's section on sitegen.yml shows each key)",
            kk: "sitegen.yml ішінде «{key}» жоқ: оны қосыңыз (README-дегі sitegen.yml бөлімінде әр кілт көрсетілген)",
            ru: "в sitegen.yml нет «{key}»: добавьте его (раздел README о sitegen.yml показывает каждый ключ)"),
        "config.language.messages": Entry(
            en: "lang '{value}' is not one of kk, ru, en (the language of sitegen's messages): write one of them",
            kk: "lang «{value}» — kk, ru, en тілдерінің бірі емес (sitegen хабарламаларының тілі): солардың бірін жазыңыз",
            ru: "lang «{value}» — не kk, не ru и не en (язык сообщений sitegen): напишите один из них"),
        "config.language.code": Entry(
            en: "'{value}' is not a language code (like kk or ru): write the language's two-letter code",
            kk: "«{value}» — тіл коды емес (kk немесе ru сияқты): тілдің екі әріпті кодын жазыңыз",
            ru: "«{value}» — не код языка (как kk или ru): напишите двухбуквенный код языка"),
        "config.language.reserved": Entry(
            en: "'{value}' is the name of a folder sitegen writes at the top of the site ({value}/), so that language's pages would be published inside it: write the language's own code, like kk or ru",
            kk: "«{value}» — sitegen сайттың жоғарғы деңгейіне жазатын бума атауы ({value}/), сондықтан бұл тілдің беттері соның ішінде жарияланар еді: тілдің өз кодын жазыңыз, мысалы kk немесе ru",
            ru: "«{value}» — имя папки, которую sitegen пишет в корень сайта ({value}/), поэтому страницы этого языка были бы опубликованы внутри неё: напишите собственный код языка, например kk или ru"),
        "config.language.twice": Entry(
            en: "language '{value}' is listed twice: remove one of them",
            kk: "«{value}» тілі екі рет жазылған: біреуін алып тастаңыз",
            ru: "язык «{value}» указан дважды: удалите один из них"),
        "config.language.default": Entry(
            en: "defaultLanguage '{value}' is not in languages: add it to languages, or choose one of the languages listed there",
            kk: "defaultLanguage «{value}» languages тізімінде жоқ: оны languages тізіміне қосыңыз немесе сол тізімдегі тілдің бірін таңдаңыз",
            ru: "defaultLanguage «{value}» нет в languages: добавьте его в languages или выберите один из перечисленных там языков"),
        "config.baseURL.form": Entry(
            en: "baseURL must be an absolute https:// or http:// address without query or fragment, not '{value}': write the site's full address",
            kk: "baseURL сұрау бөлігі мен фрагменті жоқ толық https:// немесе http:// мекенжай болуы керек, «{value}» емес: сайттың толық мекенжайын жазыңыз",
            ru: "baseURL должен быть полным адресом https:// или http:// без запроса и фрагмента, а не «{value}»: напишите полный адрес сайта"),
        "config.baseURL.option": Entry(
            en: "--base-url must be an absolute http(s) address, not '{value}': give the full address, starting with https://",
            kk: "--base-url толық http(s) мекенжай болуы керек, «{value}» емес: мекенжайды https:// деп бастап, толық беріңіз",
            ru: "--base-url должен быть полным адресом http(s), а не «{value}»: укажите адрес полностью, начиная с https://"),
        "config.baseURL.not-address": Entry(
            en: "baseURL is not an address: write the site's full address, starting with https://",
            kk: "baseURL — мекенжай емес: сайттың толық мекенжайын https:// деп бастап жазыңыз",
            ru: "baseURL — не адрес: напишите полный адрес сайта, начиная с https://"),
        "config.baseURL.finding": Entry(
            en: "the site's address {url} cannot be published: {detail} [{code}]",
            kk: "сайттың {url} мекенжайымен жариялауға болмайды: {detail} [{code}]",
            ru: "с адресом сайта {url} публиковать нельзя: {detail} [{code}]"),
        "config.bulletins.sms": Entry(
            en: "bulletins.sms.maxSegments must be from 1 to 255 (a concatenated SMS has at most 255 parts): write a number in that range",
            kk: "bulletins.sms.maxSegments 1-ден 255-ке дейін болуы керек (құрама SMS ең көбі 255 бөліктен тұрады): осы аралықтағы санды жазыңыз",
            ru: "bulletins.sms.maxSegments должен быть от 1 до 255 (составное SMS — не больше 255 частей): напишите число в этих пределах"),
        "config.deploy.name": Entry(
            en: "deploy target name '{name}' may hold only ASCII letters, digits, '-' and '_': rename it",
            kk: "«{name}» жариялау мақсатының атауында тек ASCII әріптері, цифрлар, «-» және «_» болуы мүмкін: атауын өзгертіңіз",
            ru: "имя цели публикации «{name}» может содержать только латинские буквы ASCII, цифры, «-» и «_»: переименуйте его"),
        "config.deploy.inside-source": Entry(
            en: "deploy.{name} publishes into {folder}, which the site's own build reads or replaces ({what}): the releases would be published as pages or removed by the next build; choose a folder outside the site's sources and its site/",
            kk: "deploy.{name} {folder} қалтасына жариялайды, ал оны сайттың өз құрастыруы оқиды не ауыстырады ({what}): нұсқалар бет болып жарияланады не келесі құрастыру оларды өшіреді; сайттың бастапқы файлдары мен site/ қалтасынан тыс қалтаны таңдаңыз",
            ru: "deploy.{name} публикует в {folder}, которую читает или заменяет сборка самого сайта ({what}): версии будут опубликованы как страницы или удалены следующей сборкой; выберите папку вне исходников сайта и его site/"),
        "config.deploy.keep": Entry(
            en: "deploy.{name}.keep must be from 2 to 1000: the current release and the previous one are always kept; write a number in that range",
            kk: "deploy.{name}.keep 2-ден 1000-ға дейін болуы керек: қазіргі нұсқа мен алдыңғысы әрқашан сақталады; осы аралықтағы санды жазыңыз",
            ru: "deploy.{name}.keep должен быть от 2 до 1000: текущая и предыдущая версии хранятся всегда; напишите число в этих пределах"),
        "config.deploy.ssh-config": Entry(
            en: "deploy.{name}.ssh_config must be a file path without quotes or control characters: write the path of the ssh config file",
            kk: "deploy.{name}.ssh_config тырнақшасыз және басқару таңбаларынсыз файл жолы болуы керек: ssh баптау файлының жолын жазыңыз",
            ru: "deploy.{name}.ssh_config должен быть путём к файлу без кавычек и управляющих символов: напишите путь к файлу настроек ssh"),
        "config.deploy.bwlimit": Entry(
            en: "deploy.{name}.bwlimit is in KiB/s and must be above 0 (leave it out for no limit)",
            kk: "deploy.{name}.bwlimit KiB/s бірлігімен жазылады және 0-ден үлкен болуы керек (шектеу керек болмаса, оны жазбаңыз)",
            ru: "deploy.{name}.bwlimit задаётся в KiB/s и должен быть больше 0 (если ограничение не нужно, не пишите его)"),
        "config.deploy.no-rsync": Entry(
            en: "deploy.{name} has no rsync: destination (login@host:/path or a local folder): add it",
            kk: "deploy.{name} ішінде rsync: мекенжайы жоқ (login@host:/path немесе жергілікті бума): оны қосыңыз",
            ru: "в deploy.{name} нет назначения rsync: (login@host:/path или локальная папка): добавьте его"),
        "config.deploy.rsync.empty": Entry(
            en: "deploy.{name}.rsync is empty; write login@host:/path/to/folder or a local folder",
            kk: "deploy.{name}.rsync бос: login@host:/path/to/folder немесе жергілікті буманы жазыңыз",
            ru: "deploy.{name}.rsync пуст: напишите login@host:/path/to/folder или локальную папку"),
        "config.deploy.rsync.control": Entry(
            en: "deploy.{name}.rsync contains a control character (a tab or a line break): remove it",
            kk: "deploy.{name}.rsync ішінде басқару таңбасы бар (табуляция немесе жол ауысуы): оны алып тастаңыз",
            ru: "в deploy.{name}.rsync есть управляющий символ (табуляция или перевод строки): удалите его"),
        "config.deploy.rsync.daemon": Entry(
            en: "deploy.{name}.rsync names an rsync daemon (host::module, rsync://host/module); deploys go over ssh: write login@host:/path",
            kk: "deploy.{name}.rsync rsync демонын атайды (host::module, rsync://host/module), ал жариялау ssh арқылы жүреді: login@host:/path деп жазыңыз",
            ru: "deploy.{name}.rsync указывает на демон rsync (host::module, rsync://host/module), а публикация идёт через ssh: напишите login@host:/path"),
        "config.deploy.rsync.no-path": Entry(
            en: "deploy.{name}.rsync names no folder after the ':'; write login@host:/path/to/folder",
            kk: "deploy.{name}.rsync ішінде «:» белгісінен кейін бума аталмаған: login@host:/path/to/folder деп жазыңыз",
            ru: "в deploy.{name}.rsync после «:» не указана папка: напишите login@host:/path/to/folder"),
        "config.deploy.rsync.tilde": Entry(
            en: "deploy.{name}.rsync starts with '~', which only a shell expands; write the folder relative to the login's home (guides) or in full (/home/publisher/guides)",
            kk: "deploy.{name}.rsync «~» белгісінен басталады, оны тек командалық қабықша ашады: буманы тіркелгінің үй бумасына қатысты (guides) немесе толық (/home/publisher/guides) жазыңыз",
            ru: "deploy.{name}.rsync начинается с «~», которую раскрывает только командная оболочка: напишите папку относительно домашней папки учётной записи (guides) или полностью (/home/publisher/guides)"),
        "config.deploy.rsync.host": Entry(
            en: "deploy.{name}.rsync has '{login}' before the ':', which is not a login: write user@host with letters, digits, '.', '-' and '_' (not starting with '-')",
            kk: "deploy.{name}.rsync ішінде «:» алдында «{login}» тұр, бұл логин емес: әріптерден, цифрлардан, «.», «-» және «_» таңбаларынан тұратын user@host жазыңыз («-» таңбасынан басталмасын)",
            ru: "в deploy.{name}.rsync перед «:» стоит «{login}», а это не логин: напишите user@host из букв, цифр, «.», «-» и «_» (не начиная с «-»)"),
        "config.official.list": Entry(
            en: "official must be a list of entries with url, title and description: write each entry as a list item (- url: …)",
            kk: "official — url, title және description өрістері бар жазбалар тізімі болуы керек: әр жазбаны тізім элементі ретінде жазыңыз (- url: …)",
            ru: "official должен быть списком записей с url, title и description: пишите каждую запись как элемент списка (- url: …)"),
        "config.official.no-url": Entry(
            en: "an official entry has no url: write the official site's address in url:",
            kk: "official жазбасында url жоқ: ресми сайттың мекенжайын url: өрісіне жазыңыз",
            ru: "в записи official нет url: укажите адрес официального сайта в url:"),
        "policy.allow-empty": Entry(
            en: "links.allow is empty: nothing could be linked; list the official sites there",
            kk: "links.allow бос: ештеңеге сілтеме беруге болмайды; онда ресми сайттарды тізіп жазыңыз",
            ru: "links.allow пуст: ни на что нельзя сослаться; перечислите там официальные сайты"),
        "policy.pattern": Entry(
            en: "'{raw}' is not a host pattern: use 'host' or '*.host' (a wildcard only as the first label)",
            kk: "«{raw}» — хост үлгісі емес: «host» немесе «*.host» жазыңыз (жұлдызша тек бірінші бөлікте тұрады)",
            ru: "«{raw}» — не шаблон хоста: пишите «host» или «*.host» (звёздочка только в первой части имени)"),
        "policy.host-alone": Entry(
            en: "'{raw}' must be a host name alone, without scheme, path or port: write only the name",
            kk: "«{raw}» схемасыз, жолсыз және портсыз жалғыз хост атауы болуы керек: тек атауын жазыңыз",
            ru: "«{raw}» должно быть только именем хоста, без схемы, пути и порта: оставьте одно имя"),
        "policy.host-invalid": Entry(
            en: "'{raw}' is not a valid host name: correct its spelling",
            kk: "«{raw}» — дұрыс хост атауы емес: жазылуын түзетіңіз",
            ru: "«{raw}» — неверное имя хоста: исправьте написание"),
        "policy.tld-unknown": Entry(
            en: "'{raw}' does not end in a known top-level domain: check its ending (.kz, .gov.kz, .com …)",
            kk: "«{raw}» белгілі жоғарғы деңгейлі доменмен аяқталмайды: соңғы бөлігін тексеріңіз (.kz, .gov.kz, .com …)",
            ru: "«{raw}» не оканчивается известным доменом верхнего уровня: проверьте окончание (.kz, .gov.kz, .com …)"),
        "policy.tld-wildcard": Entry(
            en: "'{raw}' allows every site under a top-level domain; set links.allow_tld_wildcards: true if that is really meant",
            kk: "«{raw}» жоғарғы деңгейлі домендегі барлық сайтқа рұқсат береді; шынымен соны қаласаңыз, links.allow_tld_wildcards: true деп жазыңыз",
            ru: "«{raw}» разрешает все сайты в домене верхнего уровня; если это действительно нужно, напишите links.allow_tld_wildcards: true"),
        "policy.suffix-wildcard": Entry(
            en: "'{raw}' allows every site anyone can register under the public suffix {suffix}: list the official sites by name, or set links.allow_tld_wildcards: true if only official bodies can register there",
            kk: "«{raw}» {suffix} жалпы жұрнағында кез келген адам тіркей алатын барлық сайтқа рұқсат береді: ресми сайттарды атымен тізіп жазыңыз немесе онда тек ресми органдар тіркеле алса, links.allow_tld_wildcards: true деп жазыңыз",
            ru: "«{raw}» разрешает все сайты, которые кто угодно может зарегистрировать в публичном суффиксе {suffix}: перечислите официальные сайты по имени или напишите links.allow_tld_wildcards: true, если там могут регистрироваться только официальные органы"),
        "policy.public-suffix": Entry(
            en: "'{raw}' allows every site registered under the public suffix {suffix}; make sure only official bodies can register there",
            kk: "«{raw}» {suffix} жалпы жұрнағында тіркелген барлық сайтқа рұқсат береді; онда тек ресми органдар тіркеле алатынына көз жеткізіңіз",
            ru: "«{raw}» разрешает все сайты, зарегистрированные в публичном суффиксе {suffix}; убедитесь, что там могут регистрироваться только официальные органы"),
        "policy.tld-alone": Entry(
            en: "'{raw}' is a top-level domain, not a site: write the official site's full name",
            kk: "«{raw}» — сайт емес, жоғарғы деңгейлі домен: ресми сайттың толық атауын жазыңыз",
            ru: "«{raw}» — домен верхнего уровня, а не сайт: напишите полное имя официального сайта"),
        "policy.telegram-name": Entry(
            en: "'{value}' is not a Telegram username (5–32 letters, digits or _, starting with a letter): correct it",
            kk: "«{value}» — Telegram пайдаланушы аты емес (әріптен басталатын 5–32 әріп, цифр немесе _): түзетіңіз",
            ru: "«{value}» — не имя пользователя Telegram (5–32 буквы, цифры или _, начиная с буквы): исправьте его"),
        "policy.bot-name": Entry(
            en: "'{value}' is not a bot name (letters, digits, '_', '.' or '-', at least 3): correct it",
            kk: "«{value}» — бот атауы емес (әріптер, цифрлар, «_», «.» немесе «-», кемінде 3 таңба): түзетіңіз",
            ru: "«{value}» — не имя бота (буквы, цифры, «_», «.» или «-», не меньше 3 символов): исправьте его"),
        "policy.official-and-fake": Entry(
            en: "'{value}' is listed both as official and as fake: keep it in only one of the lists",
            kk: "«{value}» ресми тізімде де, жалған тізімде де тұр: оны тек бір тізімде қалдырыңыз",
            ru: "«{value}» указан и как официальный, и как поддельный: оставьте его только в одном из списков"),
        "policy.domain-invalid": Entry(
            en: "'{value}' is not a valid domain: correct its spelling",
            kk: "«{value}» — дұрыс домен емес: жазылуын түзетіңіз",
            ru: "«{value}» — неверный домен: исправьте написание"),
        "policy.fake-allowed": Entry(
            en: "'{value}' is listed as fake but also allowed: remove it from links.allow or from the fakes",
            kk: "«{value}» жалған деп те, рұқсат етілген деп те жазылған: оны links.allow тізімінен немесе жалғандар тізімінен алып тастаңыз",
            ru: "«{value}» указан как поддельный, но и разрешён: удалите его из links.allow или из списка подделок"),
        "policy.phone": Entry(
            en: "'{value}' is not a phone number: write its 3 to 15 digits, with only '+', spaces, '-' or brackets between them",
            kk: "«{value}» — телефон нөмірі емес: оның 3-тен 15-ке дейінгі цифрын жазыңыз, араларында тек «+», бос орын, «-» немесе жақша болсын",
            ru: "«{value}» — не номер телефона: напишите его цифры (от 3 до 15), между ними допустимы только «+», пробелы, «-» и скобки"),
        "policy.fake-reported": Entry(
            en: "reported '{value}' is not a date like 2020-04-14: write it as year-month-day",
            kk: "reported «{value}» — 2020-04-14 сияқты күн емес: оны жыл-ай-күн түрінде жазыңыз",
            ru: "reported «{value}» — не дата вида 2020-04-14: напишите её как год-месяц-день"),
        "policy.fake-no-name": Entry(
            en: "an entry of {what} has no name: write the fake's name in name:",
            kk: "{what} тізіміндегі жазбада name жоқ: жалған сайттың не боттың атауын name: өрісіне жазыңыз",
            ru: "у записи в {what} нет name: напишите имя подделки в name:"),
    ]
}
