/// Messages about the site's files and the build: content files and folders, static files, the
/// output folder, templates and interface strings.
enum BuildMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "content.missing": Entry(
            en: "no content folder: create content/<language>/ with the guides, or name the site's folder with --source",
            kk: "content бумасы жоқ: нұсқаулықтар үшін content/<тіл>/ бумасын жасаңыз немесе сайттың бумасын --source арқылы көрсетіңіз",
            ru: "нет папки content: создайте content/<язык>/ с инструкциями или укажите папку сайта через --source"),
        "content.language.folder": Entry(
            en: "{path} is not in a language folder (content/<language>/…): move it into one",
            kk: "{path} тіл бумасында емес (content/<тіл>/…): оны тиісті тіл бумасына көшіріңіз",
            ru: "{path} лежит не в папке языка (content/<язык>/…): перенесите его в папку языка"),
        "content.language.unknown": Entry(
            en: "language folder '{lang}' is not in sitegen.yml languages ({languages}): rename the folder, or add the language to languages",
            kk: "«{lang}» тіл бумасы sitegen.yml ішіндегі languages тізімінде жоқ ({languages}): буманың атын өзгертіңіз немесе тілді languages тізіміне қосыңыз",
            ru: "папки языка «{lang}» нет в languages в sitegen.yml ({languages}): переименуйте папку или добавьте язык в languages"),
        "content.io.not-regular": Entry(
            en: "cannot read file: it is {reason}: sitegen reads only regular files; put the file itself in its place, or remove it",
            kk: "файл оқылмайды: ол {reason}: sitegen тек кәдімгі файлдарды оқиды; оның орнына файлдың өзін қойыңыз немесе оны алып тастаңыз",
            ru: "не удаётся прочитать файл: это {reason}: sitegen читает только обычные файлы; положите на его место сам файл или удалите его"),
        "content.io.folder": Entry(
            en: "cannot read folder: {reason}: it may hold pages or files, so it is not taken for empty; let sitegen read and enter it (its permissions)",
            kk: "бума оқылмайды: {reason}: онда беттер не файлдар болуы мүмкін, сондықтан ол бос деп саналмайды; sitegen-ге оны оқуға және ішіне кіруге рұқсат беріңіз (қолжетімділік құқықтары)",
            ru: "не удаётся прочитать папку: {reason}: в ней могут быть страницы или файлы, поэтому она не считается пустой; дайте sitegen право читать её и входить в неё (права доступа)"),
        "content.io": Entry(
            en: "cannot read file: {reason}: check that it exists and may be read",
            kk: "файл оқылмайды: {reason}: оның бар екенін және оны оқуға рұқсат барын тексеріңіз",
            ru: "не удаётся прочитать файл: {reason}: проверьте, что он есть и его можно читать"),
        "content.io.changed": Entry(
            en: "file changed while the site was being built from it, so nothing was published: build again",
            kk: "сайт осы файлдан жиналып жатқанда файл өзгерді, сондықтан ештеңе жарияланбады: қайта жинаңыз",
            ru: "файл изменился, пока по нему собирался сайт, поэтому ничего не опубликовано: соберите сайт ещё раз"),
        "content.empty": Entry(
            en: "file is empty: a page needs front matter with a title; write it, or delete the file",
            kk: "файл бос: бетке title өрісі бар front matter керек; оны жазыңыз немесе файлды жойыңыз",
            ru: "файл пуст: странице нужен front matter с title; напишите его или удалите файл"),
        "content.encoding.utf8": Entry(
            en: "file is not valid UTF-8 (save it as UTF-8)",
            kk: "файл дұрыс UTF-8 емес (оны UTF-8 кодтауында сақтаңыз)",
            ru: "файл не в кодировке UTF-8 (сохраните его в UTF-8)"),
        "content.encoding.nul": Entry(
            en: "file contains a NUL byte: remove it, or save the file again as UTF-8 text",
            kk: "файлда NUL байты бар: оны алып тастаңыз немесе файлды UTF-8 мәтіні ретінде қайта сақтаңыз",
            ru: "в файле есть байт NUL: удалите его или заново сохраните файл как текст UTF-8"),
        "content.filename": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.'): rename it",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (ASCII әріптерін, цифрларды, «-», «_» және «.» таңбаларын қолданыңыз): атауын өзгертіңіз",
            ru: "«{segment}» не может быть частью адреса страницы (допустимы латинские буквы ASCII, цифры, «-», «_» и «.»): переименуйте"),
        "content.filename.extension": Entry(
            en: "{path} is not read: only files ending in .md are pages; rename it {suggestion} to publish it",
            kk: "{path} оқылмайды: тек .md деп аяқталатын файлдар ғана бет болады; оны жариялау үшін атауын {suggestion} деп өзгертіңіз",
            ru: "{path} не читается: страницами становятся только файлы с окончанием .md; чтобы опубликовать его, переименуйте в {suggestion}"),
        "content.filename.bytes": Entry(
            en: "the name of {path} is not UTF-8 (each bad byte is shown as �), so no address can lead to it and it cannot be published: rename it",
            kk: "{path} атауы UTF-8 емес (әр қате байт � болып көрсетілген), сондықтан оған ешбір мекенжай апармайды және ол жарияланбайды: атауын өзгертіңіз",
            ru: "имя {path} не в UTF-8 (каждый неверный байт показан как �), поэтому никакой адрес к нему не ведёт и его нельзя опубликовать: переименуйте"),
        "content.filename.suggested": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.'): rename it to '{suggestion}'",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (ASCII әріптерін, цифрларды, «-», «_» және «.» таңбаларын қолданыңыз): атауын «{suggestion}» деп өзгертіңіз",
            ru: "«{segment}» не может быть частью адреса страницы (допустимы латинские буквы ASCII, цифры, «-», «_» и «.»): переименуйте в «{suggestion}»"),
        "content.filename.slug": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.'): rename it, or set slug: in the front matter",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (ASCII әріптерін, цифрларды, «-», «_» және «.» таңбаларын қолданыңыз): атауын өзгертіңіз немесе front matter ішінде slug: жазыңыз",
            ru: "«{segment}» не может быть частью адреса страницы (допустимы латинские буквы ASCII, цифры, «-», «_» и «.»): переименуйте или задайте slug: во front matter"),
        "content.filename.suggested.slug": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.'): rename it to '{suggestion}', or set slug: in the front matter",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (ASCII әріптерін, цифрларды, «-», «_» және «.» таңбаларын қолданыңыз): атауын «{suggestion}» деп өзгертіңіз немесе front matter ішінде slug: жазыңыз",
            ru: "«{segment}» не может быть частью адреса страницы (допустимы латинские буквы ASCII, цифры, «-», «_» и «.»): переименуйте в «{suggestion}» или задайте slug: во front matter"),
        "content.symlink.dangling": Entry(
            en: "{path} is a symbolic link to nothing ({target}); it is left out: point it at a file, or delete it",
            kk: "{path} — ешқандай файлды көрсетпейтін символдық сілтеме ({target}); ол сайтқа кірмейді: оны файлға бағыттаңыз немесе жойыңыз",
            ru: "{path} — символическая ссылка в никуда ({target}); она пропущена: направьте её на файл или удалите"),
        "content.symlink.outside": Entry(
            en: "{path} is a symbolic link to {target}, outside the source folder; it is left out. Copy what it leads to into the source folder to publish it",
            kk: "{path} — бастапқы бумадан тыс {target} орнына символдық сілтеме; ол сайтқа кірмейді. Жариялау үшін ол апаратын файлды не буманы бастапқы бумаға көшіріңіз",
            ru: "{path} — символическая ссылка на {target} вне исходной папки; она пропущена. Чтобы опубликовать то, на что она ведёт, скопируйте это в исходную папку"),
        "content.symlink.hidden": Entry(
            en: "{path} is a symbolic link to {target}, inside a hidden folder (a name starting with a dot, such as .git); it is left out, as hidden files are. Copy what should be published into a folder without a dot",
            kk: "{path} — жасырын бумадағы {target} орнына символдық сілтеме (атауы нүктеден басталады, мысалы .git); жасырын файлдар сияқты ол да сайтқа кірмейді. Жариялау керегін атауы нүктесіз бумаға көшіріңіз",
            ru: "{path} — символическая ссылка на {target} внутри скрытой папки (имя начинается с точки, например .git); она пропущена, как и скрытые файлы. Скопируйте то, что нужно опубликовать, в папку без точки в имени"),
        "content.symlink.input": Entry(
            en: "{path} is a symbolic link to {target}, inside another folder the build reads (content/, static/, templates/ or i18n/); it is left out, so that no page's Markdown, draft or template is published as a file. Copy what should be published into this folder",
            kk: "{path} — құрастыру оқитын басқа бумадағы (content/, static/, templates/ немесе i18n/) {target} орнына символдық сілтеме; ешбір беттің Markdown мәтіні, жобасы немесе үлгісі файл ретінде жарияланбауы үшін ол сайтқа кірмейді. Жариялау керегін осы бумаға көшіріңіз",
            ru: "{path} — символическая ссылка на {target} внутри другой папки, которую читает сборка (content/, static/, templates/ или i18n/); она пропущена, чтобы Markdown страниц, черновики и шаблоны не публиковались как файлы. Скопируйте то, что нужно опубликовать, в эту папку"),
        "content.symlink.page": Entry(
            en: "{path} is the Markdown of a page of content/, reached through a symbolic link; it is left out of static/, so that no page's source or draft is published as a file",
            kk: "{path} — content/ ішіндегі беттің символдық сілтеме арқылы жеткен Markdown мәтіні; ешбір беттің бастапқы мәтіні не жобасы файл ретінде жарияланбауы үшін ол static/ ішінен алынып тасталды",
            ru: "{path} — Markdown страницы из content/, доступный через символическую ссылку; он исключён из static/, чтобы исходный текст страницы или черновик не публиковался как файл"),
        "content.symlink.loop": Entry(
            en: "{path} is a symbolic link back to {target}, a folder above it; it is not followed, so nothing is read twice: delete the link",
            kk: "{path} — өзінен жоғары тұрған {target} бумасына қайта апаратын символдық сілтеме; ол ашылмайды, сондықтан ештеңе екі рет оқылмайды: сілтемені жойыңыз",
            ru: "{path} — символическая ссылка обратно на {target}, папку выше неё; по ней не переходят, поэтому ничто не читается дважды: удалите ссылку"),
        "content.symlink-twice": Entry(
            en: "{path} leads through a symbolic link to the folder read already as {other}; a folder is read under one name only, so nothing under {path} would be published: copy the folder into {path} instead of linking it, or delete the link",
            kk: "{path} символдық сілтеме арқылы {other} ретінде оқылған бумаға апарады; бума тек бір атаумен оқылады, сондықтан {path} ішіндегі ештеңе жарияланбас еді: буманы сілтеменің орнына {path} ішіне көшіріңіз немесе сілтемені жойыңыз",
            ru: "{path} ведёт по символической ссылке в папку, уже прочитанную как {other}; папка читается только под одним именем, поэтому ничего из {path} не было бы опубликовано: скопируйте папку в {path} вместо ссылки или удалите ссылку"),
        "content.url-clash.same": Entry(
            en: "{path} and {other} are both published at {url}: rename one of the files or set another slug",
            kk: "{path} және {other} екеуі де {url} мекенжайында жарияланады: файлдың бірінің атын өзгертіңіз немесе басқа slug жазыңыз",
            ru: "{path} и {other} оба публикуются по адресу {url}: переименуйте один из файлов или задайте другой slug"),
        "content.url-clash.case": Entry(
            en: "{path} and {other} are published at {url} and {first}, which differ only in case and are one file on many web hosts: rename one of the files or set another slug",
            kk: "{path} және {other} {url} және {first} мекенжайларында жарияланады, олар тек әріп регистрімен ерекшеленеді, ал көп веб-хостингте бір файл болып шығады: файлдың бірінің атын өзгертіңіз немесе басқа slug жазыңыз",
            ru: "{path} и {other} публикуются по адресам {url} и {first}, которые различаются только регистром букв, а на многих хостингах это один файл: переименуйте один из файлов или задайте другой slug"),
        "content.url-clash.search": Entry(
            en: "{path} would be published at {url}, where the build writes the search page; rename the file or set another slug",
            kk: "{path} {url} мекенжайында жарияланар еді, ал онда іздеу беті жазылады; файлдың атын өзгертіңіз немесе басқа slug жазыңыз",
            ru: "{path} был бы опубликован по адресу {url}, где сборка пишет страницу поиска; переименуйте файл или задайте другой slug"),
        "content.url-clash.file": Entry(
            en: "{path} would be published at {url}, inside {file}, a file the build writes; rename the file or set another slug",
            kk: "{path} {url} мекенжайында, яғни құрастыру жазатын {file} файлының ішінде жарияланар еді; файлдың атын өзгертіңіз немесе басқа slug жазыңыз",
            ru: "{path} был бы опубликован по адресу {url}, внутри файла {file}, который пишет сборка; переименуйте файл или задайте другой slug"),
        "content.static-page": Entry(
            en: "{path} would be published without its links being checked; write pages in Markdown under content/ (static/ is for styles, scripts and images)",
            kk: "{path} ішіндегі сілтемелер тексерілмей жарияланар еді; беттерді content/ ішінде Markdown түрінде жазыңыз (static/ — стильдер, скрипттер мен суреттерге арналған)",
            ru: "{path} был бы опубликован без проверки его ссылок; пишите страницы в Markdown в content/ (static/ — для стилей, скриптов и изображений)"),
        "content.static-page.type": Entry(
            en: "{path} is of a type a browser opens as a page of its own, whose links no check reads; publish images, fonts, sound or video, stylesheets, scripts, text or JSON, or link the file where it is officially published",
            kk: "{path} — браузер жеке бет ретінде ашатын файл түрі, ондағы сілтемелерді ешбір тексеру оқымайды; суреттерді, қаріптерді, дыбыс не бейнені, стильдерді, скрипттерді, мәтінді немесе JSON жариялаңыз, не файлды ресми жарияланған жерінен сілтеме беріңіз",
            ru: "{path} — файл такого типа браузер открывает как отдельную страницу, и её ссылки никакая проверка не читает; публикуйте изображения, шрифты, звук или видео, стили, скрипты, текст или JSON либо дайте ссылку на файл там, где он официально опубликован"),
        "content.static-page.link": Entry(
            en: "{path} holds {what}, which could take a reader to another site or hide such a link; keep only the site's own files and parts of the picture (href=\"#…\", url(#…)) in it",
            kk: "{path} ішінде {what} бар, ол оқырманды басқа сайтқа апаруы не ондай сілтемені жасыруы мүмкін; онда тек сайттың өз файлдары мен суреттің өз бөліктеріне сілтеме (href=\"#…\", url(#…)) қалсын",
            ru: "в {path} есть {what}: это может увести читателя на другой сайт или спрятать такую ссылку; оставьте в нём только файлы самого сайта и ссылки на части рисунка (href=\"#…\", url(#…))"),
        "content.static-page.script": Entry(
            en: "{path}: what begins here with {what} does not end as a script's must (a string on its own line, a comment at */, a template at its backtick, an escape as \\x41 or \\u0041), so the addresses in the rest of the script cannot be read; end it",
            kk: "{path}: осы жерде {what} белгісімен басталған бөлік скрипттегідей аяқталмайды (жол — өз жолында, түсініктеме — */ белгісінде, үлгі — кері тырнақшада, escape — \\x41 не \\u0041 түрінде), сондықтан скрипттің қалған бөлігіндегі мекенжайларды оқу мүмкін емес; оны аяқтаңыз",
            ru: "{path}: то, что начинается здесь с {what}, не заканчивается так, как положено в скрипте (строка — на своей же строке, комментарий — на */, шаблон — на обратной кавычке, escape — как \\x41 или \\u0041), поэтому адреса в остальной части скрипта прочесть нельзя; закончите его"),
        "content.static-page.markup": Entry(
            en: "markup in this string of a script would put {what} into a page ({attribute} of <{tag}>): a character reference, an event handler or a style there can spell an address no check reads; write the address itself, or make the element with the DOM",
            kk: "скрипттің осы жолындағы белгілеу бетке {what} қосар еді (<{tag}> ішіндегі {attribute}): ондағы таңба сілтемесі, оқиға өңдегіші не стиль ешбір тексеру оқымайтын мекенжайды құрай алады; мекенжайдың өзін жазыңыз немесе элементті DOM арқылы жасаңыз",
            ru: "разметка в этой строке скрипта поместила бы на страницу {what} ({attribute} в <{tag}>): ссылка на символ, обработчик события или стиль там могут записать адрес, который никакая проверка не читает; напишите сам адрес или создайте элемент через DOM"),
        "content.static-page.cname": Entry(
            en: "{path} names {what} as the site's domain, but the site's address (baseURL in sitegen.yml) is on {host}; write {host} in it, or remove the file",
            kk: "{path} сайттың домені ретінде {what} атайды, ал сайттың мекенжайы (sitegen.yml ішіндегі baseURL) {host} доменінде; онда {host} деп жазыңыз немесе файлды алып тастаңыз",
            ru: "{path} называет доменом сайта {what}, а адрес сайта (baseURL в sitegen.yml) — на {host}; напишите в нём {host} или удалите файл"),
        "content.io.changed-during": Entry(
            en: "{path} changed while the build was reading the sources: the site just published may mix their old and new state, and the next build will make it anew; run the build again when editing is done",
            kk: "құрастыру бастапқы файлдарды оқып жатқанда {path} өзгерді: жаңа ғана жарияланған сайтта олардың ескі және жаңа күйі араласуы мүмкін, келесі құрастыру оны қайта жасайды; өңдеу біткенде құрастыруды қайта іске қосыңыз",
            ru: "{path} изменился, пока сборка читала исходники: только что опубликованный сайт может смешивать их старое и новое состояние, и следующая сборка сделает его заново; запустите сборку ещё раз, когда правка закончится"),
        "content.static-name": Entry(
            en: "{path} has a control character in its name ({character}): a line break there would write a rule of its own into the serving rules (_headers), such as a redirect of every page; rename the file",
            kk: "{path} атауында басқару таңбасы бар ({character}): ондағы жол ауысуы қызмет ету ережелеріне (_headers) өз алдына ереже жазар еді, мысалы, барлық беттерді басқа жерге бағыттауды; файлдың атын өзгертіңіз",
            ru: "в имени {path} есть управляющий символ ({character}): перевод строки в нём записал бы в правила раздачи (_headers) собственное правило, например перенаправление всех страниц; переименуйте файл"),
        "content.static-clash": Entry(
            en: "{path} lies where the build writes {written}; rename or move it",
            kk: "{path} құрастыру {written} жазатын орында тұр; атын өзгертіңіз немесе басқа жерге көшіріңіз",
            ru: "{path} лежит там, где сборка пишет {written}; переименуйте или перенесите его"),
        "content.case-clash": Entry(
            en: "{path} and {other} differ only in case and would be one file on many web hosts; rename one",
            kk: "{path} және {other} тек әріп регистрімен ерекшеленеді, ал көп веб-хостингте бір файл болып шығады; біреуінің атын өзгертіңіз",
            ru: "{path} и {other} различаются только регистром букв, а на многих хостингах это один файл; переименуйте один из них"),
        "output.folder.empty": Entry(
            en: "--output is empty (a shell variable that was not set?), which would be the current folder; name the folder to write the site into, such as {suggested}",
            kk: "--output бос (орнатылмаған shell айнымалысы ма?), ол ағымдағы бума болып шығар еді; сайт жазылатын буманы атаңыз, мысалы {suggested}",
            ru: "--output пуст (не заданная переменная оболочки?), а это была бы текущая папка; укажите папку для сайта, например {suggested}"),
        "output.folder.unreadable": Entry(
            en: "--output {output} cannot be looked into ({reason}), so it is not known to hold only what sitegen wrote, and it is kept; give sitegen the right to read it, or choose another folder, such as {suggested}",
            kk: "--output {output} ішін қарау мүмкін емес ({reason}), сондықтан онда тек sitegen жазғаны бар екені белгісіз, ол өзгертілмеді; sitegen-ге оны оқуға рұқсат беріңіз немесе басқа буманы таңдаңыз, мысалы {suggested}",
            ru: "в --output {output} нельзя заглянуть ({reason}), поэтому неизвестно, что в ней только записанное sitegen, и она оставлена как есть; дайте sitegen право читать её или выберите другую папку, например {suggested}"),
        "output.folder.unreadable-inside": Entry(
            en: "{output} holds {path}, which cannot be looked into ({reason}), so it is not known to hold only what sitegen wrote, and the folder is kept; give sitegen the right to read it, or move it out of {output}",
            kk: "{output} ішінде {path} бар, оның ішін қарау мүмкін емес ({reason}), сондықтан онда тек sitegen жазғаны бар екені белгісіз, бума өзгертілмеді; sitegen-ге оны оқуға рұқсат беріңіз немесе оны {output} бумасынан шығарыңыз",
            ru: "в {output} есть {path}, в который нельзя заглянуть ({reason}), поэтому неизвестно, что там только записанное sitegen, и папка оставлена как есть; дайте sitegen право читать его или перенесите его из {output}"),
        "output.folder.mounted-inside": Entry(
            en: "{output} holds {path}, on which another file system is mounted; sitegen never looks into or removes anything of a mount inside its output, so the folder is kept; unmount it (umount), or mount it elsewhere than in {output}",
            kk: "{output} ішінде {path} бар, оған басқа файл жүйесі қосылған (mount); sitegen өз бумасының ішіне қосылған жүйеге кірмейді және одан ештеңе жоймайды, сондықтан бума өзгертілмеді; оны ажыратыңыз (umount) немесе {output} бумасынан тыс жерге қосыңыз",
            ru: "в {output} есть {path}, к которому подключена (mount) другая файловая система; sitegen не заглядывает в подключённое внутри своей папки и ничего из него не удаляет, поэтому папка оставлена как есть; отключите её (umount) или подключите вне {output}"),
        "output.folder.descriptors": Entry(
            en: "sitegen ran out of open files ({reason}) while looking through {output} (at {path}), so it is not known to hold only what sitegen wrote, and the folder is kept; raise the limit of open files (ulimit -n 1024) and build again",
            kk: "sitegen {output} бумасын қарап шыққанда ({path} тұсында) ашық файлдар шегіне жетті ({reason}), сондықтан онда тек sitegen жазғаны бар екені белгісіз, бума өзгертілмеді; ашық файлдар шегін көтеріп (ulimit -n 1024), қайта құрастырыңыз",
            ru: "sitegen исчерпал лимит открытых файлов ({reason}), просматривая {output} (на {path}), поэтому неизвестно, что там только записанное sitegen, и папка оставлена как есть; поднимите лимит открытых файлов (ulimit -n 1024) и соберите снова"),
        "output.folder.kept": Entry(
            en: "a folder that held the published site also held what no build wrote, or files edited after a build wrote them ({what}): the site's own files are gone from it, and the rest is kept as {kept}; move what you need out of it, then delete it",
            kk: "жарияланған сайт тұрған бумада ешбір құрастыру жазбаған нәрсе не құрастыру жазғаннан кейін өңделген файлдар болды ({what}): сайттың өз файлдары одан жойылды, қалғаны {kept} деген атпен сақталды; керегіңізді одан шығарып алыңыз, содан кейін оны жойыңыз",
            ru: "в папке, где был опубликованный сайт, было то, чего не записывала ни одна сборка, или файлы, изменённые после того, как их записала сборка ({what}): собственные файлы сайта из неё удалены, остальное сохранено как {kept}; перенесите из неё нужное, затем удалите её"),
        "output.folder.added-named": Entry(
            en: "{output} holds {count} files or folders that the build that published it did not make, among them {named}: they were put there since, and a build replaces the folder whole. Move them out of it, or build with --force to replace it anyway",
            kk: "{output} ішінде оны жариялаған құрастыру жасамаған {count} файл не бума бар, солардың ішінде {named}: олар кейін қойылған, ал құрастыру буманы толығымен ауыстырады. Оларды бумадан шығарыңыз немесе бәрібір ауыстыру үшін --force арқылы құрастырыңыз",
            ru: "в {output} есть файлы или папки, которых не создавала опубликовавшая её сборка ({count}), среди них {named}: их положили туда позже, а сборка заменяет папку целиком. Перенесите их из неё или соберите с --force, чтобы всё равно заменить"),
        "output.folder.older-list": Entry(
            en: "{output} was published by an older sitegen, whose list of the files it wrote ({list} beside it) does not say how each was written, and the folder changed since: a file edited there cannot be told from the build's, and a build replaces the folder whole. Move out what you keep there, then build with --force",
            kk: "{output} бумасын sitegen-нің ескі нұсқасы жариялаған, оның жазған файлдар тізімі (қасындағы {list}) әр файлдың қалай жазылғанын көрсетпейді, ал бума содан бері өзгерген: ондағы өңделген файлды құрастыру жазған файлдан ажырату мүмкін емес, ал құрастыру буманы толығымен ауыстырады. Сақтайтыныңызды шығарып алыңыз, содан кейін --force арқылы құрастырыңыз",
            ru: "{output} опубликована старой версией sitegen, чей список записанных файлов ({list} рядом с ней) не говорит, какими они были записаны, а папка с тех пор изменилась: изменённый в ней файл не отличить от файла сборки, а сборка заменяет папку целиком. Перенесите то, что храните там, и соберите с --force"),
        "output.folder.unlisted": Entry(
            en: "{output} holds files, and the list of what the build that published it wrote ({list} beside it) is missing or damaged, so files put there since cannot be told from the build's, and a build replaces the folder whole. Move out what you keep there, then build with --force",
            kk: "{output} ішінде файлдар бар, ал оны жариялаған құрастыру жазғандардың тізімі (қасындағы {list}) жоқ не бүлінген, сондықтан кейін қойылған файлдарды құрастырудікінен ажырату мүмкін емес, ал құрастыру буманы толығымен ауыстырады. Сақтайтыныңызды шығарып алыңыз, содан кейін --force арқылы құрастырыңыз",
            ru: "в {output} есть файлы, а список записанного опубликовавшей её сборкой ({list} рядом с ней) отсутствует или повреждён, поэтому положенные туда позже файлы не отличить от файлов сборки, а сборка заменяет папку целиком. Перенесите то, что храните там, и соберите с --force"),
        "output.folder.source": Entry(
            en: "--output {output} is the source folder; a build would replace sitegen.yml, content/ and everything else there. Write the site into a folder of its own, such as {suggested}",
            kk: "--output {output} — бастапқы бума; құрастыру ондағы sitegen.yml, content/ және басқаның бәрін ауыстырып жібереді. Сайтты жеке бумаға жазыңыз, мысалы {suggested}",
            ru: "--output {output} — исходная папка; сборка заменила бы sitegen.yml, content/ и всё остальное в ней. Пишите сайт в отдельную папку, например {suggested}"),
        "output.folder.contains-source": Entry(
            en: "--output {output} contains the source folder {source}; a build would replace it. Write the site into a folder of its own, such as {suggested}",
            kk: "--output {output} ішінде {source} бастапқы бумасы тұр; құрастыру оны ауыстырып жібереді. Сайтты жеке бумаға жазыңыз, мысалы {suggested}",
            ru: "--output {output} содержит исходную папку {source}; сборка заменила бы её. Пишите сайт в отдельную папку, например {suggested}"),
        "output.folder.editor": Entry(
            en: "--output {output} lies inside the source's {folder}/ folder; a build must not write there. Choose a folder outside it, such as {suggested}",
            kk: "--output {output} бастапқы буманың {folder}/ бумасының ішінде; құрастыру онда жазбауы керек. Одан тыс буманы таңдаңыз, мысалы {suggested}",
            ru: "--output {output} лежит внутри папки {folder}/ исходников; сборке нельзя писать туда. Выберите папку вне её, например {suggested}"),
        "output.folder.symlink": Entry(
            en: "--output {output} is a symbolic link (to {target}); a build replaces the folder it is given, so name the real folder instead",
            kk: "--output {output} — символдық сілтеме ({target} бумасына); құрастыру берілген буманы ауыстырады, сондықтан оның орнына нақты буманы атаңыз",
            ru: "--output {output} — символическая ссылка (на {target}); сборка заменяет указанную папку, поэтому укажите настоящую папку"),
        "output.folder.file": Entry(
            en: "--output {output} is a file, not a folder; choose a folder for the site",
            kk: "--output {output} — бума емес, файл; сайт үшін буманы таңдаңыз",
            ru: "--output {output} — файл, а не папка; выберите папку для сайта"),
        "output.folder.mount": Entry(
            en: "--output {output} is a mount point: a site is published by renaming a new folder into the output's place, which a mount point cannot be; give a folder inside it (--output {inside})",
            kk: "--output {output} — тіркеу нүктесі (mount point): сайт жаңа буманы шығыс орнына қайта атау арқылы жарияланады, ал тіркеу нүктесін олай ауыстыру мүмкін емес; оның ішіндегі буманы беріңіз (--output {inside})",
            ru: "--output {output} — точка монтирования: сайт публикуется переименованием новой папки на место выходной, а точку монтирования так заменить нельзя; укажите папку внутри неё (--output {inside})"),
        "output.folder.newer": Entry(
            en: "--output {output} was written by a newer sitegen (output format {version}); build with that version or remove the folder yourself",
            kk: "--output {output} бумасын sitegen-нің жаңарақ нұсқасы жазған (шығыс форматы {version}); сол нұсқамен құрастырыңыз немесе буманы өзіңіз жойыңыз",
            ru: "--output {output} записан более новой версией sitegen (формат вывода {version}); соберите сайт той версией или удалите папку сами"),
        "output.folder.earlier": Entry(
            en: "--output {output} looks like a site built by an earlier sitegen, before builds marked their output with {marker}; make sure nothing of yours is inside, remove it (rm -rf {output}) and build again",
            kk: "--output {output} sitegen-нің ескі нұсқасы (құрастыру өз бумасын {marker} файлымен белгілемей тұрған кезде) құрастырған сайтқа ұқсайды; ішінде өзіңіздің ештеңеңіз жоғына көз жеткізіп, оны жойыңыз (rm -rf {output}) да, қайта құрастырыңыз",
            ru: "--output {output} похож на сайт, собранный прежней версией sitegen, до того как сборки стали помечать свою папку файлом {marker}; убедитесь, что внутри нет ничего вашего, удалите папку (rm -rf {output}) и соберите снова"),
        "output.record.foreign": Entry(
            en: "{record} was not written by sitegen, which keeps a record of each build of {output} under that name; move the file elsewhere (sitegen replaces only its own records), then build again",
            kk: "{record} файлын sitegen жазбаған, ал sitegen {output} бумасының әр құрастыруының жазбасын осы атпен сақтайды; файлды басқа жерге жылжытыңыз (sitegen тек өз жазбаларын ауыстырады), содан кейін қайта құрастырыңыз",
            ru: "{record} записан не sitegen, а sitegen хранит под этим именем запись о каждой сборке {output}; перенесите файл в другое место (sitegen заменяет только свои записи), затем соберите снова"),
        "output.folder.foreign": Entry(
            en: "--output {output} is not empty ({sample}) and was not written by sitegen (it has no {marker} file); choose an empty or new folder. If it is an old build you no longer need, remove it yourself and build again",
            kk: "--output {output} бос емес ({sample}) және оны sitegen жазбаған (онда {marker} файлы жоқ); бос немесе жаңа буманы таңдаңыз. Ол сізге енді керек емес ескі құрастыру болса, оны өзіңіз жойып, қайта құрастырыңыз",
            ru: "--output {output} не пуст ({sample}) и записан не sitegen (в нём нет файла {marker}); выберите пустую или новую папку. Если это старая сборка, которая больше не нужна, удалите её сами и соберите снова"),
        "output.io": Entry(
            en: "cannot write the site: {reason}; check the free space and that the output folder may be written, then build again",
            kk: "сайт жазылмады: {reason}; бос орынды және шығыс бумасына жазуға рұқсат барын тексеріп, қайта құрастырыңыз",
            ru: "не удалось записать сайт: {reason}; проверьте свободное место и право записи в папку вывода, затем соберите снова"),
        "output.io.foreign": Entry(
            en: "{path} was put into the new site, or changed there, while it was being built, by something other than the build (a program or shell whose current folder was inside the site published two builds ago); nothing was published and the site stays as it was; what was put there is set aside, never published (a warning says where): stop what writes there, then build again",
            kk: "{path} сайт құрастырылып жатқанда жаңа сайтқа құрастырудан басқа бір нәрсемен қойылды немесе сонда өзгертілді (ағымдағы бумасы екі құрастыру бұрын жарияланған сайттың ішінде тұрған бағдарлама не терминал); ештеңе жарияланбады, сайт бұрынғыдай қалды; қойылған нәрсе жарияланбай, бөлек сақталды (қайда екенін ескерту айтады): оған жазып жатқан нәрсені тоқтатып, қайта құрастырыңыз",
            ru: "{path} появился в новом сайте или был изменён в нём, пока тот собирался, и сделала это не сборка (программа или терминал, текущая папка которых была внутри сайта, опубликованного две сборки назад); ничего не опубликовано, сайт остался прежним; положенное туда не опубликовано и сохранено отдельно (где — говорит предупреждение): остановите то, что туда пишет, и соберите снова"),
        "output.io.removed": Entry(
            en: "{path} was removed from the new site while it was being built, by something other than the build (a program or shell whose current folder was inside the site published two builds ago); nothing was published and the site stays as it was: stop what changes that folder, then build again",
            kk: "{path} сайт құрастырылып жатқанда жаңа сайттан құрастырудан басқа бір нәрсемен жойылды (ағымдағы бумасы екі құрастыру бұрын жарияланған сайттың ішінде тұрған бағдарлама не терминал); ештеңе жарияланбады, сайт бұрынғыдай қалды: сол бумаға өзгеріс енгізіп жатқан нәрсені тоқтатып, қайта құрастырыңыз",
            ru: "{path} был удалён из нового сайта, пока тот собирался, и сделала это не сборка (программа или терминал, текущая папка которых была внутри сайта, опубликованного две сборки назад); ничего не опубликовано, сайт остался прежним: остановите то, что меняет эту папку, и соберите снова"),
        "output.locked": Entry(
            en: "another sitegen build is writing to {output}; wait until it has finished, then build again",
            kk: "{output} бумасына sitegen-нің басқа құрастыруы жазып жатыр; ол аяқталғанша күтіп, қайта құрастырыңыз",
            ru: "в {output} сейчас пишет другая сборка sitegen; дождитесь её окончания и соберите снова"),
        "output.locked.process": Entry(
            en: "another sitegen build is writing to {output} (process {process}); wait until it has finished, then build again",
            kk: "{output} бумасына sitegen-нің басқа құрастыруы жазып жатыр ({process} процесі); ол аяқталғанша күтіп, қайта құрастырыңыз",
            ru: "в {output} сейчас пишет другая сборка sitegen (процесс {process}); дождитесь её окончания и соберите снова"),
        "output.lock-file": Entry(
            en: "the lock file {lock} is not a regular file of its own (a folder, a FIFO, a device, a link, or a second name of another file), and it is kept; remove it and build again",
            kk: "{lock} құлып файлы дербес кәдімгі файл емес (бума, FIFO, құрылғы, сілтеме немесе басқа файлдың екінші аты), ол өзгертілмеді; оны жойып, қайта құрастырыңыз",
            ru: "файл блокировки {lock} не является самостоятельным обычным файлом (это папка, FIFO, устройство, ссылка или второе имя другого файла), он оставлен как есть; удалите его и соберите снова"),
        "template.io": Entry(
            en: "cannot read template: {reason}: it must be a regular file that may be read (check its type and permissions)",
            kk: "үлгі оқылмайды: {reason}: ол оқуға рұқсат бар кәдімгі файл болуы керек (түрі мен қолжетімділік құқықтарын тексеріңіз)",
            ru: "не удаётся прочитать шаблон: {reason}: это должен быть обычный файл, который можно читать (проверьте его тип и права доступа)"),
        "template.syntax": Entry(
            en: "template does not parse: {detail}; close every {{#section}} with its {{/section}} and check the braces",
            kk: "үлгі талданбайды: {detail}; әр {{#section}} бөлімін өз {{/section}} белгісімен жабыңыз және жақшаларды тексеріңіз",
            ru: "шаблон не разбирается: {detail}; закройте каждый {{#section}} своим {{/section}} и проверьте фигурные скобки"),
        "template.syntax.nesting": Entry(
            en: "sections nest here deeper than the {limit} levels sitegen renders: a template this deep is not a page's; take sections out of one another",
            kk: "бөлімдер мұнда sitegen өңдейтін {limit} деңгейден тереңірек салынған: мұндай терең үлгі бетке арналмаған; бөлімдерді бір-бірінің ішінен шығарыңыз",
            ru: "секции вложены здесь глубже {limit} уровней, которые обрабатывает sitegen: такой глубокий шаблон — не шаблон страницы; выньте секции одну из другой"),
        "template.syntax.partial-loop": Entry(
            en: "the partial {{> {partial}}} includes itself ({chain}): a page made with it would never end; take it out of that chain",
            kk: "{{> {partial}}} бөлшегі өзін-өзі қамтиды ({chain}): онымен жасалған бет ешқашан аяқталмайды; оны сол тізбектен алып тастаңыз",
            ru: "частичный шаблон {{> {partial}}} включает сам себя ({chain}): страница с ним никогда не закончится; уберите его из этой цепочки"),
        "template.syntax.dynamic-partial": Entry(
            en: "a partial named by a value ({{>*name}}) may be any template, this one too, and a page made with it might never end: name the partial ({{> footer}})",
            kk: "мәнмен аталған бөлшек ({{>*name}}) кез келген үлгі, осы үлгінің өзі де болуы мүмкін, онымен жасалған бет ешқашан аяқталмауы мүмкін: бөлшекті атымен жазыңыз ({{> footer}})",
            ru: "частичный шаблон, названный значением ({{>*name}}), может оказаться любым шаблоном, в том числе этим, и страница с ним может никогда не закончиться: назовите частичный шаблон по имени ({{> footer}})"),
        "template.syntax.partial-depth": Entry(
            en: "partials include one another more than {limit} deep ({chain}): include fewer partials inside partials",
            kk: "бөлшектер бір-бірін {limit} деңгейден тереңірек қамтиды ({chain}): бөлшек ішіндегі бөлшектерді азайтыңыз",
            ru: "частичные шаблоны включают друг друга глубже {limit} уровней ({chain}): включайте меньше частичных шаблонов внутрь частичных"),
        "template.syntax.script": Entry(
            en: "{path}: what begins here with {what} does not end as a script's must (a string on its own line, a comment at */, a template at its backtick, an escape as \\x41 or \\u0041), so the addresses in the rest of the script cannot be read; end it",
            kk: "{path}: осы жерде {what} белгісімен басталған бөлік скрипттегідей аяқталмайды (жол — өз жолында, түсініктеме — */ белгісінде, үлгі — кері тырнақшада, escape — \\x41 не \\u0041 түрінде), сондықтан скрипттің қалған бөлігіндегі мекенжайларды оқу мүмкін емес; оны аяқтаңыз",
            ru: "{path}: то, что начинается здесь с {what}, не заканчивается так, как положено в скрипте (строка — на своей же строке, комментарий — на */, шаблон — на обратной кавычке, escape — как \\x41 или \\u0041), поэтому адреса в остальной части скрипта прочесть нельзя; закончите его"),
        "template.missing": Entry(
            en: "the site needs a template '{name}.mustache': add it to templates/ (the repository's templates/ has one to start from)",
            kk: "сайтқа «{name}.mustache» үлгісі керек: оны templates/ бумасына қосыңыз (репозиторийдің templates/ бумасында бастауға болатын үлгі бар)",
            ru: "сайту нужен шаблон «{name}.mustache»: добавьте его в templates/ (в templates/ репозитория есть образец, с которого можно начать)"),
        "i18n.missing": Entry(
            en: "no interface strings for language '{lang}': add i18n/{lang}.yml with the same keys as the other languages",
            kk: "«{lang}» тілі үшін интерфейс жолдары жоқ: басқа тілдердегідей кілттері бар i18n/{lang}.yml файлын қосыңыз",
            ru: "нет строк интерфейса для языка «{lang}»: добавьте i18n/{lang}.yml с теми же ключами, что и в других языках"),
        "i18n.key": Entry(
            en: "key '{key}' is missing in i18n/{other}.yml: add it there, translated",
            kk: "«{key}» кілті i18n/{other}.yml ішінде жоқ: оны сол файлға аударып қосыңыз",
            ru: "ключа «{key}» нет в i18n/{other}.yml: добавьте его туда в переводе"),
        "i18n.placeholder": Entry(
            en: "'{key}' has lost its placeholder {placeholder}, where the page puts a number or words: put it back in this translation",
            kk: "«{key}» жолынан {placeholder} белгісі түсіп қалған, бет оның орнына сан не сөздер қояды: оны осы аудармаға қайта қосыңыз",
            ru: "в строке «{key}» пропал заполнитель {placeholder}, на его место страница ставит число или слова: верните его в этот перевод"),
        "markdown.depth.blocks": Entry(
            en: "lists and block quotes nest more than {levels} levels deep here; flatten the structure (no guide needs more than a few levels)",
            kk: "мұнда тізімдер мен дәйексөз блоктары {levels} деңгейден тереңірек кірістірілген; құрылымды жеңілдетіңіз (ешбір нұсқаулыққа бірнеше деңгейден артық керек емес)",
            ru: "здесь списки и цитаты вложены глубже {levels} уровней; упростите структуру (ни одной инструкции не нужно больше нескольких уровней)"),
        "markdown.depth.inlines": Entry(
            en: "emphasis, strikethrough, links and images nest more than {levels} levels deep here; remove the extra markup",
            kk: "мұнда бөлектеу, сызылған мәтін, сілтемелер мен суреттер {levels} деңгейден тереңірек кірістірілген; артық белгілеуді алып тастаңыз",
            ru: "здесь выделение, зачёркивание, ссылки и изображения вложены глубже {levels} уровней; уберите лишнюю разметку"),
        "markdown.external-image": Entry(
            en: "an image from another site is not shown: pages allow only their own images (Content-Security-Policy img-src 'self'); copy it into static/ and write its path (/images/logo.png)",
            kk: "басқа сайттағы сурет көрсетілмейді: беттер тек өз суреттерін көрсетеді (Content-Security-Policy img-src 'self'); оны static/ бумасына көшіріп, жолын жазыңыз (/images/logo.png)",
            ru: "изображение с другого сайта не показывается: страницы показывают только свои изображения (Content-Security-Policy img-src 'self'); скопируйте его в static/ и напишите его путь (/images/logo.png)"),
        "bulletin.off": Entry(
            en: "this page has 'bulletin: false' and no bulletins: remove that line from its front matter to make them",
            kk: "бұл бетте «bulletin: false» тұр, сондықтан бюллетеньдері жоқ: оларды жасау үшін front matter ішінен сол жолды алып тастаңыз",
            ru: "у этой страницы «bulletin: false», и бюллетеней у неё нет: чтобы они появились, удалите эту строку из front matter"),
        "bulletin.telegram.total": Entry(
            en: "the bulletin here is at least {units} UTF-16 units long, more than {parts} Telegram messages of {room} units can hold; shorten the page, or leave it out of the bulletins with `bulletin: false` in its front matter",
            kk: "мұндағы бюллетень кемінде {units} UTF-16 бірлігі, бұл әрқайсысы {room} бірліктен тұратын {parts} Telegram хабарламасына сыятын мөлшерден көп; бетті қысқартыңыз немесе front matter ішінде `bulletin: false` деп жазып, оны бюллетеньдерден шығарыңыз",
            ru: "бюллетень здесь длиной не меньше {units} единиц UTF-16, больше, чем вмещают {parts} сообщений Telegram по {room} единиц; сократите страницу или исключите её из бюллетеней строкой `bulletin: false` во front matter"),
        "bulletin.telegram.units": Entry(
            en: "{detail} here is {units} UTF-16 units long and cannot be split: a Telegram message holds {room} units ({max} less room for the part number) and {entities} entities; shorten it",
            kk: "мұндағы {detail} {units} UTF-16 бірлігіне тең және оны бөлуге болмайды: бір Telegram хабарламасына {room} бірлік ({max}, бөлік нөміріне орын қалдырып) және {entities} пішімдеу элементі сыяды; оны қысқартыңыз",
            ru: "{detail} здесь длиной {units} единиц UTF-16 и не делится на части: сообщение Telegram вмещает {room} единиц ({max} за вычетом места для номера части) и {entities} элементов оформления; сократите текст"),
        "bulletin.telegram.entities": Entry(
            en: "{detail} here carries {count} formatting entities and cannot be split: a Telegram message holds {room} units ({max} less room for the part number) and {entities} entities; shorten it",
            kk: "мұндағы {detail} ішінде {count} пішімдеу элементі бар және оны бөлуге болмайды: бір Telegram хабарламасына {room} бірлік ({max}, бөлік нөміріне орын қалдырып) және {entities} пішімдеу элементі сыяды; оны қысқартыңыз",
            ru: "{detail} здесь содержит {count} элементов оформления и не делится на части: сообщение Telegram вмещает {room} единиц ({max} за вычетом места для номера части) и {entities} элементов оформления; сократите текст"),
        "bulletin.piece.heading": Entry(en: "a heading", kk: "тақырып", ru: "заголовок"),
        "bulletin.piece.rule": Entry(en: "a rule", kk: "бөлгіш сызық", ru: "разделитель"),
        "bulletin.piece.whole": Entry(en: "the bulletin", kk: "бюллетень", ru: "бюллетень"),
        "bulletin.piece.list-item": Entry(en: "a list item", kk: "тізім элементі", ru: "пункт списка"),
        "bulletin.piece.sentence": Entry(en: "a sentence", kk: "сөйлем", ru: "предложение"),
        "bulletin.piece.paragraph": Entry(en: "a paragraph", kk: "абзац", ru: "абзац"),
        "bulletin.piece.quote": Entry(en: "a quote", kk: "дәйексөз", ru: "цитата"),
        "bulletin.piece.code": Entry(en: "a line of code", kk: "код жолы", ru: "строка кода"),
        "bulletin.piece.table-row": Entry(en: "a table row", kk: "кесте жолы", ru: "строка таблицы"),
        "page.link": Entry(
            en: "the finished page would lead to {what} ({attribute} of <{tag}>), which the link policy refuses ({code}: {detail}); it is put together by a template with what it shows (an interface string, the config, the front matter): write an official address there",
            kk: "дайын бет {what} мекенжайына апарар еді (<{tag}> ішіндегі {attribute}), ал сілтеме саясаты оған рұқсат бермейді ({code}: {detail}); оны үлгі өзі көрсететін мәтінмен (интерфейс жолы, баптау, front matter) құрастырады: сол жерге ресми мекенжай жазыңыз",
            ru: "готовая страница вела бы на {what} ({attribute} в <{tag}>), а политика ссылок это запрещает ({code}: {detail}); его собирает шаблон из того, что он показывает (строка интерфейса, настройки, front matter): напишите там официальный адрес"),
        "page.link.number": Entry(
            en: "the finished page shows {what} in <{tag}>, which a reader's app reads as a number ({code}: {detail}); a template puts it together with what it shows (a title and the site's name, an interface string): write them so that no number is made",
            kk: "дайын бет <{tag}> ішінде {what} көрсетеді, ал оқырманның қосымшасы оны нөмір деп оқиды ({code}: {detail}); оны үлгі өзі көрсететін мәтінмен (тақырып пен сайт атауы, интерфейс жолы) құрастырады: нөмір құралмайтындай етіп жазыңыз",
            ru: "готовая страница показывает {what} в <{tag}>, а приложение читателя читает это как номер ({code}: {detail}); это собирает шаблон из того, что он показывает (заголовок и название сайта, строка интерфейса): напишите их так, чтобы номер не складывался"),
        "page.link.search": Entry(
            en: "this page's search result would show {what}, which a reader's app reads as a number ({code}: {detail}); write the title and text so that no number is made",
            kk: "бұл беттің іздеу нәтижесі {what} көрсетер еді, ал оқырманның қосымшасы оны нөмір деп оқиды ({code}: {detail}); тақырып пен мәтінді нөмір құралмайтындай етіп жазыңыз",
            ru: "результат поиска этой страницы показал бы {what}, а приложение читателя читает это как номер ({code}: {detail}); напишите заголовок и текст так, чтобы номер не складывался"),
        "page.link.text": Entry(
            en: "the finished page shows {what} in <{tag}>, which the link policy refuses ({code}: {detail}); a template puts it together with what it shows (an interface string, the config's texts): write them so that nothing there leads elsewhere",
            kk: "дайын бет <{tag}> ішінде {what} көрсетеді, ал сілтеме саясаты оған тыйым салады ({code}: {detail}); оны үлгі өзі көрсететін мәтінмен (интерфейс жолы, баптаулар мәтіндері) құрастырады: ешнәрсе басқа жерге апармайтындай етіп жазыңыз",
            ru: "готовая страница показывает {what} в <{tag}>, что запрещает политика ссылок ({code}: {detail}); это собирает шаблон из того, что он показывает (строка интерфейса, тексты конфигурации): напишите их так, чтобы ничто не вело в другое место"),
        "page.link.reference": Entry(
            en: "the finished page has a character reference in an address ({attribute} of <{tag}>: {what}), which could spell any address; write the characters themselves (only &amp;, &lt;, &gt;, &quot;, &apos; and numeric references are read)",
            kk: "дайын беттегі мекенжайда таңба сілтемесі бар (<{tag}> ішіндегі {attribute}: {what}), ол кез келген мекенжайды құрай алады; таңбалардың өзін жазыңыз (тек &amp;, &lt;, &gt;, &quot;, &apos; және сандық сілтемелер оқылады)",
            ru: "в адресе на готовой странице есть ссылка на символ ({attribute} в <{tag}>: {what}), которой можно записать любой адрес; пишите сами символы (читаются только &amp;, &lt;, &gt;, &quot;, &apos; и числовые ссылки)"),
        "page.link.handler": Entry(
            en: "the finished page has an event handler ({attribute} of <{tag}>), a script no check reads; put scripts in static/",
            kk: "дайын бетте оқиға өңдегіші бар (<{tag}> ішіндегі {attribute}), оны ешбір тексеру оқымайды; скрипттерді static/ ішіне қойыңыз",
            ru: "на готовой странице есть обработчик события ({attribute} в <{tag}>) — скрипт, который никакая проверка не читает; храните скрипты в static/"),
        "page.link.style": Entry(
            en: "the finished page has a style that names another site ({attribute} of <{tag}>: {what}); load only the site's own files",
            kk: "дайын бетте басқа сайтты атайтын стиль бар (<{tag}> ішіндегі {attribute}: {what}); тек сайттың өз файлдарын жүктеңіз",
            ru: "на готовой странице есть стиль, называющий другой сайт ({attribute} в <{tag}>: {what}); загружайте только файлы самого сайта"),
        "bulletin.link": Entry(
            en: "a bulletin of this page would carry {what}, which the link policy refuses ({code}: {detail})",
            kk: "бұл беттің бюллетенінде {what} болар еді, ал сілтеме саясаты оған рұқсат бермейді ({code}: {detail})",
            ru: "бюллетень этой страницы содержал бы {what}, а политика ссылок это запрещает ({code}: {detail})"),
        "guide.official-links.none": Entry(
            en: "official-links: sitegen.yml has no official: entries; list the official sites under official: in sitegen.yml",
            kk: "official-links: sitegen.yml ішінде official: жазбалары жоқ; ресми сайттарды sitegen.yml ішіндегі official: тізіміне жазыңыз",
            ru: "official-links: в sitegen.yml нет записей official:; перечислите официальные сайты в official: в sitegen.yml"),
        "guide.official-links.tag": Entry(
            en: "official-links: no official entry has the tag {tags}; correct the tag, or add it to an entry's tags: in sitegen.yml",
            kk: "official-links: ешбір official жазбасында {tags} тегі жоқ; тегті түзетіңіз немесе оны sitegen.yml ішіндегі бір жазбаның tags: өрісіне қосыңыз",
            ru: "official-links: ни у одной записи official нет тега {tags}; исправьте тег или добавьте его в tags: нужной записи в sitegen.yml"),
        "guide.official-links.title": Entry(
            en: "official-links: {url} (sitegen.yml line {line}) has no title in '{language}'; add its title in that language",
            kk: "official-links: {url} жазбасында (sitegen.yml, {line}-жол) «{language}» тіліндегі атауы жоқ; оның сол тілдегі атауын қосыңыз",
            ru: "official-links: у {url} (sitegen.yml, строка {line}) нет названия на языке «{language}»; добавьте название на этом языке"),
        "guide.known-fakes.none": Entry(
            en: "known-fakes: sitegen.yml lists no fakes; list them under links.fake_domains or links.telegram.fake, or remove the block",
            kk: "known-fakes: sitegen.yml ішінде жалған сайттар мен боттар тізілмеген; оларды links.fake_domains немесе links.telegram.fake тізіміне жазыңыз немесе блокты алып тастаңыз",
            ru: "known-fakes: в sitegen.yml не перечислены подделки; внесите их в links.fake_domains или links.telegram.fake либо удалите блок"),
        "guide.official-links.review-tag": Entry(
            en: "claimReview.official names the tag '{tag}', which no entry of official: in sitegen.yml has (tags: {known}); use one of those tags, or add it to an entry",
            kk: "claimReview.official «{tag}» тегін атайды, бірақ sitegen.yml ішіндегі official: жазбаларының ешқайсысында ол жоқ (тегтер: {known}); солардың бірін жазыңыз немесе оны бір жазбаға қосыңыз",
            ru: "claimReview.official называет тег «{tag}», которого нет ни у одной записи official: в sitegen.yml (теги: {known}); используйте один из них или добавьте его в запись"),
        "config.official.title": Entry(
            en: "official entry {url} has no title in '{language}': add its title in that language",
            kk: "{url} official жазбасында «{language}» тіліндегі атауы жоқ: оның сол тілдегі атауын қосыңыз",
            ru: "у записи official {url} нет названия на языке «{language}»: добавьте название на этом языке"),
        "claimReview.rating-value": Entry(
            en: "ratingValue must be from 1 (false) to 5 (true): write a whole number in that range",
            kk: "ratingValue 1-ден (жалған) 5-ке (шын) дейін болуы керек: осы аралықтағы бүтін санды жазыңыз",
            ru: "ratingValue должен быть от 1 (ложь) до 5 (правда): напишите целое число в этих пределах"),
        "claimReview.date": Entry(
            en: "date '{value}' is not a date like 2020-04-14: write it as year-month-day",
            kk: "«{value}» — 2020-04-14 сияқты күн емес: оны жыл-ай-күн түрінде жазыңыз",
            ru: "«{value}» — не дата вида 2020-04-14: напишите её как год-месяц-день"),
        "claimReview.official": Entry(
            en: "official must be a tag of the official: list in sitegen.yml, or a list of tags",
            kk: "official — sitegen.yml ішіндегі official: тізімінің тегі немесе тегтер тізімі болуы керек: солай жазыңыз",
            ru: "official должен быть тегом из списка official: в sitegen.yml или списком тегов: напишите так"),
        "claimReview.key": Entry(
            en: "unknown key '{key}' in claimReview (known: claim, rating, ratingValue, date, official): correct its spelling or remove it",
            kk: "claimReview ішінде белгісіз «{key}» кілті бар (белгілі кілттер: claim, rating, ratingValue, date, official): жазылуын түзетіңіз немесе оны алып тастаңыз",
            ru: "неизвестный ключ «{key}» в claimReview (известные: claim, rating, ratingValue, date, official): исправьте написание или удалите его"),
        "claimReview.required": Entry(
            en: "claimReview needs a claim and a rating: add both",
            kk: "claimReview ішінде claim мен rating болуы керек: екеуін де қосыңыз",
            ru: "в claimReview нужны claim и rating: добавьте оба"),
    ]
}
