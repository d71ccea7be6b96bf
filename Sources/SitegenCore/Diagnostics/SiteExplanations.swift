/// `sitegen explain` for the site as a whole: `sitegen.yml`, the link policy's own entries,
/// templates, interface strings, the output folder.
enum SiteExplanations {
    static let all: [Explanation] = config + others

    static let config: [Explanation] = [
        ("config.missing", "There is no sitegen.yml in the site folder, or it cannot be read (no permission, or not a regular file).",
         "Сайт бумасында sitegen.yml жоқ немесе ол оқылмайды (рұқсат жоқ не ол кәдімгі файл емес).",
         "В папке сайта нет sitegen.yml, или его не прочитать (нет прав или это не обычный файл).",
         "# (no sitegen.yml)", "title: { kk: \"…\", ru: \"…\" }\nbaseURL: \"https://factcheck.kz/\"\nlanguages: [kk, ru]\nlinks:\n  allow: [egov.kz]"),
        ("config.invalid", "sitegen.yml is empty or not a mapping of keys.", "sitegen.yml бос немесе кілттер жиыны емес.", "sitegen.yml пустой или не является набором ключей.",
         "- egov.kz", "links:\n  allow: [egov.kz]"),
        ("config.encoding", "sitegen.yml is not UTF-8 text.", "sitegen.yml UTF-8 мәтіні емес.", "sitegen.yml — не текст UTF-8.",
         "(Windows-1251)", "(UTF-8)"),
        ("config.unknown-key", "sitegen.yml has a key sitegen does not know: a typo could silently switch a check off, so it is an error.", "sitegen.yml ішінде sitegen білмейтін кілт бар: қате жазылған кілт тексеруді байқаусызда өшіріп тастауы мүмкін, сондықтан бұл қате.", "В sitegen.yml есть ключ, неизвестный sitegen: опечатка могла бы незаметно отключить проверку, поэтому это ошибка.",
         "links:\n  alow: [egov.kz]", "links:\n  allow: [egov.kz]"),
        ("config.missing-key", "sitegen.yml lacks a key it must have (title, baseURL, languages, links).", "sitegen.yml ішінде міндетті кілт жоқ (title, baseURL, languages, links).", "В sitegen.yml нет обязательного ключа (title, baseURL, languages, links).",
         "title: \"…\"", "title: \"…\"\nbaseURL: \"https://factcheck.kz/\"\nlanguages: [kk, ru]\nlinks:\n  allow: [egov.kz]"),
        ("config.language", "languages, defaultLanguage or lang names something that is not a language code sitegen can use.", "languages, defaultLanguage немесе lang sitegen пайдалана алатын тіл коды емес нәрсені атайды.", "languages, defaultLanguage или lang называет то, что не является кодом языка для sitegen.",
         "languages: [kz, ru]\nlang: қазақша", "languages: [kk, ru]\nlang: kk"),
        ("config.baseURL", "The site's own address is malformed or would not pass as a link (http, a port, a lookalike host, another address in its path).", "Сайттың өз мекенжайы қате жазылған немесе сілтеме ретінде өтпейді (http, порт, еліктеуші хост, жолындағы басқа мекенжай).", "Собственный адрес сайта записан неверно или не прошёл бы как ссылка (http, порт, поддельный хост, другой адрес в пути).",
         "baseURL: \"http://factcheck.kz:8080/\"", "baseURL: \"https://factcheck.kz/\""),
        ("config.baseURL-placeholder", "baseURL is a placeholder (example.kz, localhost, .test, .invalid): every bulletin would end with it. A build only warns, so previews work; publishing must refuse it.", "baseURL — уақытша мекенжай (example.kz, localhost, .test, .invalid): әр бюллетень осымен аяқталар еді. Құрастыру тек ескертеді, сондықтан алдын ала қарау жұмыс істейді; жариялау оны қабылдамауы керек.", "baseURL — адрес-заглушка (example.kz, localhost, .test, .invalid): им заканчивался бы каждый бюллетень. Сборка только предупреждает, чтобы работал предпросмотр; публикация должна его отклонить.",
         "baseURL: \"https://example.kz/\"", "baseURL: \"https://factcheck.kz/\""),
        ("config.bulletins", "bulletins.sms.maxSegments is not a number from 1 to 255.", "bulletins.sms.maxSegments 1-ден 255-ке дейінгі сан емес.", "bulletins.sms.maxSegments — не число от 1 до 255.",
         "bulletins:\n  sms:\n    maxSegments: 0", "bulletins:\n  sms:\n    maxSegments: 3"),
        ("config.official", "An official: entry has no url, an unknown key, no title in a language, or a url the link policy refuses.", "official: жазбасында url жоқ, белгісіз кілт бар, бір тілде атауы жоқ немесе url сілтеме саясатынан өтпейді.", "В записи official: нет url, есть неизвестный ключ, нет названия на каком-то языке или url не проходит политику ссылок.",
         "official:\n  - url: \"https://egov.kz/\"\n    title: { kk: \"Портал\" }", "official:\n  - url: \"https://egov.kz/\"\n    title: { kk: \"Портал\", ru: \"Портал\" }"),
        ("config.deploy", "A target under deploy: is malformed: a name with other characters than letters, digits, '-' and '_', no rsync: destination, a destination sitegen cannot use (a daemon, '~', no folder), or keep, ssh_config or bwlimit out of range.", "deploy: ішіндегі жариялау мақсаты қате жазылған: атауында әріп, цифр, «-» және «_» таңбаларынан басқа таңба бар, rsync: мекенжайы жоқ, sitegen пайдалана алмайтын мекенжай (демон, «~», бумасыз) немесе keep, ssh_config не bwlimit мәні рұқсат етілген шектен тыс.", "Цель публикации в deploy: записана неверно: в имени есть символы, кроме букв, цифр, «-» и «_», нет назначения rsync:, назначение, которым sitegen не может пользоваться (демон, «~», без папки), или keep, ssh_config либо bwlimit вне допустимых пределов.",
         "deploy:\n  production:\n    rsync: \"publisher@host::guides\"", "deploy:\n  production:\n    rsync: \"publisher@host:/var/www/guides\"\n    keep: 5"),
        ("policy.invalid", "An entry of links: is malformed: not a host, not a Telegram username, not a phone number, a wildcard over a whole top-level domain.", "links: ішіндегі жазба қате: хост емес, Telegram пайдаланушы аты емес, телефон нөмірі емес, бүкіл жоғарғы деңгейлі доменге арналған шаблон.", "Запись в links: неверна: не хост, не имя пользователя Telegram, не номер телефона, шаблон на целый домен верхнего уровня.",
         "links:\n  allow: [\"*.kz\"]", "links:\n  allow: [egov.kz, \"*.egov.kz\"]"),
        ("policy.public-suffix", "A wildcard covers a public suffix such as *.gov.kz: fine for state bodies, dangerous for *.com.kz, where anyone can register (a warning).", "Шаблон *.gov.kz сияқты жалпы жұрнақты қамтиды: мемлекеттік органдар үшін дұрыс, ал кез келген адам тіркей алатын *.com.kz үшін қауіпті (ескерту).", "Шаблон покрывает публичный суффикс вроде *.gov.kz: подходит для госорганов, опасно для *.com.kz, где регистрирует кто угодно (предупреждение).",
         "links:\n  allow: [\"*.com.kz\"]", "links:\n  allow: [\"*.gov.kz\"]"),
    ].map { code, en, kk, ru, wrong, right in
        explain(code, .yaml, en: en, kk: kk, ru: ru,
                fixEn: "Correct sitegen.yml as the example shows; changes to links: are reviewed by the editor responsible for the policy.",
                fixKk: "sitegen.yml файлын мысалдағыдай түзетіңіз; links: өзгерістерін саясатқа жауапты редактор тексереді.",
                fixRu: "Исправьте sitegen.yml, как в примере; изменения в links: проверяет редактор, отвечающий за политику.",
                wrong: wrong, right: right)
    }

    static let others: [Explanation] = [
        ("template.io", "A template file cannot be read.", "Үлгі файлын оқу мүмкін емес.", "Файл шаблона не читается.", "ls -l templates/", "chmod a+r templates/page.mustache"),
        ("template.missing", "A template the site needs is missing from templates/.", "Сайтқа қажет үлгі templates/ ішінде жоқ.", "В templates/ нет нужного сайту шаблона.", "ls templates/", "git checkout -- templates/page.mustache"),
        ("template.syntax", "A template does not parse as Mustache.", "Үлгі Mustache ретінде оқылмайды.", "Шаблон не разбирается как Mustache.", "{{#page}} … {{/pages}}", "{{#page}} … {{/page}}"),
        ("i18n.missing", "There is no i18n/<language>.yml for a language of the site.", "Сайт тілі үшін i18n/<тіл>.yml жоқ.", "Для языка сайта нет i18n/<язык>.yml.", "ls i18n/", "cp i18n/kk.yml i18n/ru.yml   # then translate"),
        ("i18n.key", "An interface string is missing in one language's i18n file.", "Интерфейс жолы бір тілдің i18n файлында жоқ.", "Строки интерфейса нет в i18n-файле одного языка.", "# i18n/ru.yml lacks alert.tip", "alert.tip: \"Совет\""),
        ("i18n.placeholder", "An interface string lost a placeholder such as {n} or {words} that the page fills in, or a translation lacks one the other language has.", "Интерфейс жолынан бет толтыратын {n} не {words} сияқты белгі түсіп қалған немесе аудармада басқа тілде бар белгі жоқ.", "Из строки интерфейса пропал заполнитель вроде {n} или {words}, который заполняет страница, или в переводе нет заполнителя, который есть в другом языке.", "searchFound: \"Найдено\"", "searchFound: \"Найдено: {n}\""),
        ("output.folder", "--output names a folder sitegen may not replace (the source, a folder holding it, or one it did not write).", "--output sitegen ауыстыра алмайтын буманы атайды (бастапқы бума, оны қамтитын бума немесе sitegen жазбаған бума).", "--output называет папку, которую sitegen не может заменить (исходную, содержащую её или записанную не им).", "sitegen build --output .", "sitegen build --output site"),
        ("output.io", "Writing the site failed (a full or read-only disk, another build writing at the same time); the previous site is kept.", "Сайтты жазу сәтсіз аяқталды (диск толы немесе тек оқуға арналған, басқа құрастыру бір уақытта жазып жатыр); алдыңғы сайт сақталады.", "Запись сайта не удалась (диск заполнен или только для чтения, одновременно пишет другая сборка); прежний сайт сохранён.", "df -h .", "sitegen build   # again, once the disk has room"),
    ].map { code, en, kk, ru, wrong, right in
        explain(code, .shell, en: en, kk: kk, ru: ru,
                fixEn: "Fix the file or folder the message names, then build again.",
                fixKk: "Хабарлама атаған файлды немесе буманы түзетіп, қайта құрастырыңыз.",
                fixRu: "Исправьте файл или папку, которые называет сообщение, и соберите заново.",
                wrong: wrong, right: right)
    }
}
