/// Messages about what an editor writes in a page: Markdown, guide blocks, front matter, links
/// inside the site, translations.
enum ContentMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "markdown.alert": Entry(
            en: "[!{name}] is not a block name: write one of NOTE, TIP, IMPORTANT, WARNING, CAUTION (or a Kazakh or Russian name such as ЕСКЕРТУ or ВНИМАНИЕ); readers would see “[!{name}]” as text",
            kk: "[!{name}] — блок атауы емес: NOTE, TIP, IMPORTANT, WARNING, CAUTION атауларының бірін (немесе ЕСКЕРТУ, ЕСКЕРТПЕ сияқты қазақша атауды) жазыңыз; әйтпесе оқырман «[!{name}]» деген мәтінді көреді",
            ru: "[!{name}] — не название блока: напишите одно из NOTE, TIP, IMPORTANT, WARNING, CAUTION (или русское название, например ВНИМАНИЕ или ПРИМЕЧАНИЕ); иначе читатель увидит текст «[!{name}]»"),
        "markdown.alert.near": Entry(
            en: "[!{name}] is not a block name: did you mean [!{meant}]? Readers would see “[!{name}]” as text",
            kk: "[!{name}] — блок атауы емес: [!{meant}] деп жазбақ болдыңыз ба? Әйтпесе оқырман «[!{name}]» деген мәтінді көреді",
            ru: "[!{name}] — не название блока: вы имели в виду [!{meant}]? Иначе читатель увидит текст «[!{name}]»"),
        "markdown.alert.same-line": Entry(
            en: "[!{name}] must stand alone on its line: move the text after it to the next line, starting with >",
            kk: "[!{name}] жолда жалғыз тұруы керек: одан кейінгі мәтінді > белгісінен басталатын келесі жолға көшіріңіз",
            ru: "[!{name}] должно стоять на отдельной строке: перенесите текст после него на следующую строку, начав её с >"),
        "yaml.syntax.colon": Entry(
            en: "the {key} holds “: ”, which YAML reads as the start of another key: put the {key} in quotes, {fixed}",
            kk: "{key} ішінде «: » бар, ал YAML оны жаңа кілттің басы деп оқиды: {key} мәнін тырнақшаға алыңыз, {fixed}",
            ru: "в {key} есть «: », и YAML читает это как начало нового ключа: возьмите {key} в кавычки, {fixed}"),
        "yaml.syntax.no-colon": Entry(
            en: "“{line}” has no colon after its key: write {fixed}",
            kk: "«{line}» жолында кілттен кейін қос нүкте жоқ: {fixed} деп жазыңыз",
            ru: "в строке «{line}» нет двоеточия после ключа: напишите {fixed}"),
        "yaml.syntax.quote": Entry(
            en: "the quote opened here is never closed: add the closing quote at the end of the value",
            kk: "осы жерде ашылған тырнақша жабылмаған: мәннің соңына жабатын тырнақшаны қойыңыз",
            ru: "открытая здесь кавычка не закрыта: поставьте закрывающую кавычку в конце значения"),
        "yaml.syntax.tab": Entry(
            en: "YAML does not allow a tab here: indent with spaces",
            kk: "YAML мұнда табуляцияға рұқсат бермейді: шегіністі бос орындармен жасаңыз",
            ru: "YAML не допускает здесь табуляцию: делайте отступ пробелами"),
        "frontmatter.unclosed": Entry(
            en: "the front matter opened here is never closed: add a line --- after its last key",
            kk: "осы жерде ашылған front matter жабылмаған: соңғы кілттен кейін --- жолын қосыңыз",
            ru: "открытый здесь front matter не закрыт: добавьте строку --- после последнего ключа"),
        "frontmatter.title.none": Entry(
            en: "the page has no front matter: start it with ---, title: \"…\" and --- on three lines",
            kk: "бетте front matter жоқ: оны үш жолмен бастаңыз: ---, title: \"…\" және ---",
            ru: "у страницы нет front matter: начните её тремя строками: ---, title: \"…\" и ---"),
        "frontmatter.title.empty": Entry(
            en: "the title is empty: write the page's title in the quotes",
            kk: "тақырып бос: тырнақшаның ішіне беттің тақырыбын жазыңыз",
            ru: "заголовок пустой: напишите заголовок страницы в кавычках"),
        "frontmatter.title.missing": Entry(
            en: "the front matter has no title: add title: \"…\" between the --- lines",
            kk: "front matter ішінде тақырып жоқ: --- жолдарының арасына title: \"…\" қосыңыз",
            ru: "во front matter нет заголовка: добавьте title: \"…\" между строками ---"),
        "frontmatter.date": Entry(
            en: "{key} “{value}” is not a date: write it as year-month-day, like 2020-04-14, or with a time, like 2020-04-14T09:30:00+05:00",
            kk: "{key} «{value}» — күн емес: оны жыл-ай-күн түрінде жазыңыз, мысалы 2020-04-14, немесе уақытымен, мысалы 2020-04-14T09:30:00+05:00",
            ru: "{key} «{value}» — не дата: запишите её как год-месяц-день, например 2020-04-14, или со временем, например 2020-04-14T09:30:00+05:00"),
        "frontmatter.kind": Entry(
            en: "kind “{value}” is not a kind of page: write one of {kinds}",
            kk: "kind «{value}» — бет түрі емес: {kinds} мәндерінің бірін жазыңыз",
            ru: "kind «{value}» — не тип страницы: напишите одно из {kinds}"),
        "frontmatter.slug": Entry(
            en: "slug “{slug}” must be one part of an address: Latin letters, digits, “-”, “_” or “.” (not first), like otinim-beru",
            kk: "slug «{slug}» мекенжайдың бір бөлігі болуы керек: латын әріптері, цифрлар, «-», «_» немесе «.» (басында емес), мысалы otinim-beru",
            ru: "slug «{slug}» должен быть одной частью адреса: латинские буквы, цифры, «-», «_» или «.» (не первой), например podat-zayavku"),
        "frontmatter.slug.section": Entry(
            en: "slug “{slug}” does nothing on a section page (_index.md): a section's address is its folder's name; remove the line",
            kk: "slug «{slug}» бөлім бетінде (_index.md) ештеңе істемейді: бөлімнің мекенжайы — оның бумасының атауы; жолды өшіріңіз",
            ru: "slug «{slug}» ничего не делает на странице раздела (_index.md): адрес раздела — имя его папки; удалите строку"),
        "frontmatter.sms": Entry(
            en: "sms is empty: write the SMS text, or remove the line to send the title and description",
            kk: "sms бос: SMS мәтінін жазыңыз немесе тақырып пен сипаттама жіберілуі үшін жолды өшіріңіз",
            ru: "sms пустое: напишите текст SMS или удалите строку, чтобы отправлялись заголовок и описание"),
        "frontmatter.unknown-key": Entry(
            en: "sitegen does not know the key “{key}”, so it does nothing: remove it or use one of {known}",
            kk: "sitegen «{key}» кілтін білмейді, сондықтан ол ештеңе істемейді: оны өшіріңіз немесе мыналардың бірін жазыңыз: {known}",
            ru: "sitegen не знает ключа «{key}», поэтому он ничего не делает: удалите его или используйте один из: {known}"),
        "frontmatter.unknown-key.near": Entry(
            en: "sitegen does not know the key “{key}”, so it does nothing: did you mean {meant}?",
            kk: "sitegen «{key}» кілтін білмейді, сондықтан ол ештеңе істемейді: {meant} деп жазбақ болдыңыз ба?",
            ru: "sitegen не знает ключа «{key}», поэтому он ничего не делает: вы имели в виду {meant}?"),
        "yaml.type.mapping": Entry(
            en: "{what} must be a set of “key: value” lines",
            kk: "{what} «кілт: мән» жолдарынан тұруы керек",
            ru: "{what} должно состоять из строк «ключ: значение»"),
        "yaml.type.string": Entry(
            en: "{what} must be text; put it in quotes",
            kk: "{what} мәтін болуы керек; оны тырнақшаға алыңыз",
            ru: "{what} должно быть текстом; возьмите его в кавычки"),
        "yaml.type.list": Entry(
            en: "{what} must be a list, like [kk, ru]",
            kk: "{what} тізім болуы керек, мысалы [kk, ru]",
            ru: "{what} должно быть списком, например [kk, ru]"),
        "yaml.type.bool": Entry(
            en: "{what} must be true or false, without quotes",
            kk: "{what} мәні тырнақшасыз true немесе false болуы керек",
            ru: "{what} должно быть true или false, без кавычек"),
        "yaml.type.bool-value": Entry(
            en: "{what} must be true or false, not “{value}”",
            kk: "{what} мәні «{value}» емес, true немесе false болуы керек",
            ru: "{what} должно быть true или false, а не «{value}»"),
        "yaml.type.int": Entry(
            en: "{what} must be a whole number, like 1",
            kk: "{what} бүтін сан болуы керек, мысалы 1",
            ru: "{what} должно быть целым числом, например 1"),
        "translation.duplicate": Entry(
            en: "{path} and {other} are both the {language} version of translationKey “{key}”, so the language switch and the sitemap cannot tell which one translates the others: give one of them another translationKey",
            kk: "{path} және {other} екеуі де translationKey «{key}» кілтінің {language} нұсқасы, сондықтан тіл ауыстырғыш пен сайт картасы қайсысы аударма екенін ажырата алмайды: бірінің translationKey мәнін өзгертіңіз",
            ru: "{path} и {other} — обе {language}-версии translationKey «{key}», поэтому переключатель языка и карта сайта не могут понять, какая из них перевод: дайте одной из них другой translationKey"),
        "translation.outdated": Entry(
            en: "{other} was updated on {newer}, after this translation ({older}): bring this page up to date and set its lastmod",
            kk: "{other} файлы {newer} күні жаңартылды, бұл аудармадан ({older}) кейін: бұл бетті жаңартып, оның lastmod мәнін қойыңыз",
            ru: "{other} обновлён {newer}, позже этого перевода ({older}): обновите эту страницу и поставьте ей lastmod"),
        "parity.steps": Entry(
            en: "{here} steps here, {there} in {other}: give both languages the same steps",
            kk: "мұнда {here} қадам, {other} файлында {there} қадам: екі тілге бірдей қадамдар жазыңыз",
            ru: "здесь шагов: {here}, в {other}: {there}; дайте на обоих языках одни и те же шаги"),
        "parity.checklist": Entry(
            en: "{here} checklist items here, {there} in {other}: give both languages the same items",
            kk: "мұнда тізімде {here} тармақ, {other} файлында {there} тармақ: екі тілге бірдей тармақтар жазыңыз",
            ru: "здесь пунктов чек-листа: {here}, в {other}: {there}; дайте на обоих языках одни и те же пункты"),
        "bulletin.sms": Entry(
            en: "the sms text takes {segments} SMS segments ({units} UTF-16 units, {encoding}); at most {limit} are allowed (bulletins.sms.maxSegments): shorten it",
            kk: "sms мәтіні {segments} SMS бөлігін алады ({units} UTF-16 бірлігі, {encoding}); ең көбі {limit} бөлікке рұқсат бар (bulletins.sms.maxSegments): мәтінді қысқартыңыз",
            ru: "текст sms не помещается в допустимое число частей SMS — {limit} (bulletins.sms.maxSegments): частей — {segments}, единиц UTF-16 — {units}, {encoding}; сократите его"),
        "bulletin.sms.gsm": Entry(
            en: "the sms text takes {segments} SMS segments ({units} septets, {encoding}); at most {limit} are allowed (bulletins.sms.maxSegments): shorten it",
            kk: "sms мәтіні {segments} SMS бөлігін алады ({units} септет, {encoding}); ең көбі {limit} бөлікке рұқсат бар (bulletins.sms.maxSegments): мәтінді қысқартыңыз",
            ru: "текст sms не помещается в допустимое число частей SMS — {limit} (bulletins.sms.maxSegments): частей — {segments}, септетов — {units}, {encoding}; сократите его"),
        "bulletin.sms.title": Entry(
            en: "the SMS made from the title and link takes {segments} segments ({units} units, {encoding}); at most {limit} are allowed: write a shorter sms: in the front matter",
            kk: "тақырып пен сілтемеден жасалған SMS {segments} бөлік алады ({units} бірлік, {encoding}); ең көбі {limit} бөлікке рұқсат бар: front matter ішіне қысқа sms: жазыңыз",
            ru: "SMS из заголовка и ссылки не помещается в допустимое число частей — {limit}: частей — {segments}, единиц — {units}, {encoding}; напишите во front matter короткое sms:"),
        "markdown.raw-html": Entry(
            en: "raw HTML is not published: write it in Markdown instead",
            kk: "HTML коды жарияланбайды: оның орнына Markdown-мен жазыңыз",
            ru: "HTML-код не публикуется: напишите это на Markdown"),
        "guide.checklist-empty": Entry(
            en: "checklist item has no text: write what to prepare after “- [ ] ”, or remove the line",
            kk: "тізім тармағында мәтін жоқ: «- [ ] » белгісінен кейін не дайындау керегін жазыңыз немесе жолды өшіріңіз",
            ru: "в пункте чек-листа нет текста: напишите после «- [ ] », что нужно подготовить, или удалите строку"),
        "guide.steps.bullets": Entry(
            en: "the steps of a guide must be a numbered list (1. 2. 3.), not a bulleted one: write “1.” instead of “-”",
            kk: "нұсқаулықтың қадамдары нөмірленген тізім (1. 2. 3.) болуы керек, таңбалы тізім емес: «-» орнына «1.» жазыңыз",
            ru: "шаги инструкции должны быть нумерованным списком (1. 2. 3.), а не маркированным: пишите «1.» вместо «-»"),
        "guide.steps": Entry(
            en: "a page with kind: guide needs its steps as a numbered list (1. 2. 3.); add one, or change kind",
            kk: "kind: guide беті қадамдарды нөмірленген тізіммен (1. 2. 3.) беруі керек; тізімді қосыңыз немесе kind мәнін өзгертіңіз",
            ru: "страница с kind: guide должна содержать шаги нумерованным списком (1. 2. 3.); добавьте его или измените kind"),
        "guide.block-name": Entry(
            en: "“{info}” is not a block sitegen knows: did you mean “{meant}”?",
            kk: "sitegen «{info}» деген блокты білмейді: «{meant}» деп жазбақ болдыңыз ба?",
            ru: "sitegen не знает блока «{info}»: вы имели в виду «{meant}»?"),
        "parity.changed": Entry(
            en: "{here} here, but {there} in {other} (line {line}): make both languages say the same",
            kk: "мұнда {here}, ал {other} файлында {there} ({line}-жол): екі тілде бірдей болуы керек",
            ru: "здесь {here}, а в {other} — {there} (строка {line}): на обоих языках должно быть одно и то же"),
        "parity.extra": Entry(
            en: "{here} is only here, not in {other}: add it to the translation or remove it here",
            kk: "{here} тек осында бар, {other} файлында жоқ: оны аудармаға қосыңыз немесе осы жерден алып тастаңыз",
            ru: "{here} есть только здесь, а в {other} нет: добавьте это в перевод или уберите здесь"),
        "translation.missing": Entry(
            en: "{file} has no translation in {languages} (translationKey {key}): write it, or give the translation the same translationKey",
            kk: "{file} файлының {languages} тіліндегі аудармасы жоқ (translationKey {key}): аударманы жазыңыз немесе оған дәл осы translationKey беріңіз",
            ru: "у {file} нет перевода на {languages} (translationKey {key}): напишите перевод или укажите в нём тот же translationKey"),
        "translation.missing.near": Entry(
            en: "{file} has no translation with translationKey {key}; did you mean {meant}, the translationKey of {other}? Write the same key in both",
            kk: "{file} файлының translationKey мәні {key} болатын аудармасы жоқ; {other} файлындағы {meant} кілтін жазбақ болдыңыз ба? Екеуіне бірдей кілт жазыңыз",
            ru: "у {file} нет перевода с translationKey {key}; может быть, имелся в виду {meant} — translationKey файла {other}? Укажите в обоих один и тот же ключ"),
        "guide.known-fakes.description": Entry(
            en: "known-fakes: {name} (sitegen.yml line {line}) has no description in {language}, which this block shows readers: write it as “- name: {name}” with “description: {kk: …, ru: …}” under it",
            kk: "known-fakes: {name} (sitegen.yml, {line}-жол) үшін {language} тіліндегі сипаттама жоқ, ал бұл блок оны оқырманға көрсетеді: оны «- name: {name}» деп, астына «description: {kk: …, ru: …}» қосып жазыңыз",
            ru: "known-fakes: у {name} (sitegen.yml, строка {line}) нет описания на языке {language}, а этот блок показывает его читателям: запишите его как «- name: {name}» и под ним «description: {kk: …, ru: …}»"),
        "link.internal.page": Entry(
            en: "{target}: this site has no such page; check the address (pages are at /<language>/<folder>/<file name>/)",
            kk: "{target}: сайтта мұндай бет жоқ; мекенжайды тексеріңіз (беттер /<тіл>/<бума>/<файл атауы>/ мекенжайында тұрады)",
            ru: "{target}: на сайте нет такой страницы; проверьте адрес (страницы находятся по адресу /<язык>/<папка>/<имя файла>/)"),
        "link.internal.page-near": Entry(
            en: "{target}: this site has no such page; did you mean {meant}?",
            kk: "{target}: сайтта мұндай бет жоқ; {meant} деп жазбақ болдыңыз ба?",
            ru: "{target}: на сайте нет такой страницы; вы имели в виду {meant}?"),
        "link.internal.anchor": Entry(
            en: "{target}: the page {page} has no place #{anchor}; link to one of its headings or steps ({known})",
            kk: "{target}: {page} бетінде #{anchor} деген орын жоқ; оның тақырыптарының немесе қадамдарының біріне сілтеме беріңіз ({known})",
            ru: "{target}: на странице {page} нет места #{anchor}; дайте ссылку на один из её заголовков или шагов ({known})"),
        "link.internal.anchor-near": Entry(
            en: "{target}: the page {page} has no place #{anchor}; did you mean #{meant}?",
            kk: "{target}: {page} бетінде #{anchor} деген орын жоқ; #{meant} деп жазбақ болдыңыз ба?",
            ru: "{target}: на странице {page} нет места #{anchor}; вы имели в виду #{meant}?"),
        "link.internal.step": Entry(
            en: "{target}: the page {page} has {count} numbered steps (#step-1 to #step-{count}); check the step number",
            kk: "{target}: {page} бетінде {count} нөмірленген қадам бар (#step-1 … #step-{count}); қадам нөмірін тексеріңіз",
            ru: "{target}: на странице {page} пронумерованных шагов — {count} (#step-1 … #step-{count}); проверьте номер шага"),
        "link.internal.file": Entry(
            en: "{target}: there is no such file; put it in static{path} or correct the address",
            kk: "{target}: мұндай файл жоқ; оны static{path} ретінде қойыңыз немесе мекенжайды түзетіңіз",
            ru: "{target}: такого файла нет; положите его в static{path} или исправьте адрес"),
    ]
}
