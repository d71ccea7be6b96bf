/// What the commands say outside diagnostics: the progress line, an unknown command, `sitegen new`,
/// `sitegen bulletin`'s refusals and `sitegen deploy`'s faults. Deploy terms follow the handbook:
/// a release is a «нұсқа» / «версия», the host a «сервер».
enum CommandMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "progress.pages": Entry(
            en: "pages {done}/{total}",
            kk: "беттер {done}/{total}",
            ru: "страницы {done}/{total}"),
        "cli.unknown-command.near": Entry(
            en: "error: '{word}' is not a sitegen command; did you mean '{near}'?\nthe commands are: {list} (sitegen --help describes them)",
            kk: "error: «{word}» — sitegen командасы емес; «{near}» деп жазбақ болдыңыз ба?\nкомандалар: {list} (sitegen --help сипаттайды)",
            ru: "error: «{word}» — не команда sitegen; вы имели в виду «{near}»?\nкоманды: {list} (описание: sitegen --help)"),
        "cli.unknown-command": Entry(
            en: "error: '{word}' is not a sitegen command\nthe commands are: {list} (sitegen --help describes them)",
            kk: "error: «{word}» — sitegen командасы емес\nкомандалар: {list} (sitegen --help сипаттайды)",
            ru: "error: «{word}» — не команда sitegen\nкоманды: {list} (описание: sitegen --help)"),

        "cli.write-failed": Entry(
            en: "what sitegen had to print could not be written ({reason}): check where its output and errors go (a full disk, a closed pipe)",
            kk: "sitegen шығаруға тиіс мәтін жазылмады ({reason}): оның шығысы мен қателері қайда бағытталғанын тексеріңіз (диск толған, арна жабылған)",
            ru: "то, что sitegen должен был вывести, не удалось записать ({reason}): проверьте, куда направлены его вывод и ошибки (диск заполнен, канал закрыт)"),
        "explain.unknown": Entry(
            en: "no diagnostic code '{code}' (sitegen explain lists them all)",
            kk: "«{code}» деген диагностика коды жоқ (барлығын sitegen explain көрсетеді)",
            ru: "нет кода диагностики «{code}» (все коды покажет sitegen explain)"),
        "explain.unknown.near": Entry(
            en: "no diagnostic code '{code}'; did you mean {near}? (sitegen explain lists them all)",
            kk: "«{code}» деген диагностика коды жоқ; {near} деп жазбақ болдыңыз ба? (барлығын sitegen explain көрсетеді)",
            ru: "нет кода диагностики «{code}»; вы имели в виду {near}? (все коды покажет sitegen explain)"),

        // sitegen serve
        "serve.cannot-listen": Entry(
            en: "cannot serve on {host}:{port}: {reason}",
            kk: "{host}:{port} мекенжайында іске қосу мүмкін болмады: {reason}",
            ru: "не удалось запустить на {host}:{port}: {reason}"),
        "serve.serving": Entry(
            en: "serving {url} (bulletins: {url}_bulletins/) — Ctrl+C to stop",
            kk: "сайт {url} мекенжайында (бюллетеньдер: {url}_bulletins/) — тоқтату үшін Ctrl+C",
            ru: "сайт на {url} (бюллетени: {url}_bulletins/) — остановить: Ctrl+C"),
        "serve.open-network": Entry(
            en: "listening on {host}: anyone on this network can read the preview, drafts included",
            kk: "{host} мекенжайы тыңдалуда: осы желідегі кез келген адам алдын ала қарауды, соның ішінде жобаларды да, оқи алады",
            ru: "адрес {host} открыт: любой в этой сети может читать предпросмотр, включая черновики"),

        "serve.rebuilt": Entry(
            en: "{file}: rebuilt in {ms} ms",
            kk: "{file}: {ms} мс ішінде қайта құрастырылды",
            ru: "{file}: пересобрано за {ms} мс"),
        "serve.not-rebuilt": Entry(
            en: "{file}: not rebuilt ({errors}); the last good version stays served",
            kk: "{file}: қайта құрастырылмады ({errors}); соңғы дұрыс нұсқасы көрсетіле береді",
            ru: "{file}: не пересобрано ({errors}); показывается последняя верная версия"),
        "serve.kept-last-good": Entry(
            en: "the last good site stays served",
            kk: "сайттың соңғы дұрыс нұсқасы көрсетіле береді",
            ru: "показывается последняя верная версия сайта"),
        "serve.nothing-yet": Entry(
            en: "nothing to serve until the errors are fixed",
            kk: "қателер түзетілгенше көрсететін ештеңе жоқ",
            ru: "пока ошибки не исправлены, показывать нечего"),

        // sitegen new
        "new.wrote": Entry(
            en: "wrote {file}",
            kk: "жазылды: {file}",
            ru: "записан {file}"),
        "new.next": Entry(
            en: "replace the title, description and text in each language, then build: sitegen build",
            kk: "әр тілде тақырыпты, сипаттаманы және мәтінді ауыстырыңыз, содан кейін құрастырыңыз: sitegen build",
            ru: "замените заголовок, описание и текст на каждом языке, затем соберите сайт: sitegen build"),
        "new.no-official": Entry(
            en: "a links page shows the official: entries of sitegen.yml, and it has none: add the official addresses there first (url, title and description in each language)",
            kk: "сілтемелер беті sitegen.yml ішіндегі official: жазбаларын көрсетеді, ал олар жоқ: алдымен ресми мекенжайларды қосыңыз (әр тілде url, title және description)",
            ru: "страница ссылок показывает записи official: из sitegen.yml, а их нет: сначала добавьте туда официальные адреса (url, title и description на каждом языке)"),
        "new.path": Entry(
            en: "give the page as <section>/<name>, e.g. 42500/apply",
            kk: "бетті <бөлім>/<атау> түрінде беріңіз, мысалы 42500/apply",
            ru: "укажите страницу как <раздел>/<имя>, например 42500/apply"),
        "new.segment": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.')",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (латын әріптерін, цифрларды, «-», «_» және «.» қолданыңыз)",
            ru: "«{segment}» не может быть частью адреса страницы (используйте латинские буквы, цифры, «-», «_» и «.»)"),
        "new.segment.suggested": Entry(
            en: "'{segment}' cannot be part of a page address (use ASCII letters, digits, '-', '_' and '.'): try '{suggestion}'",
            kk: "«{segment}» бет мекенжайының бөлігі бола алмайды (латын әріптерін, цифрларды, «-», «_» және «.» қолданыңыз): «{suggestion}» деп көріңіз",
            ru: "«{segment}» не может быть частью адреса страницы (используйте латинские буквы, цифры, «-», «_» и «.»): попробуйте «{suggestion}»"),
        "new.exists.one": Entry(
            en: "{files} already exists; edit it or choose another name (nothing was written)",
            kk: "{files} бұрыннан бар; соны өңдеңіз немесе басқа атау таңдаңыз (ештеңе жазылмады)",
            ru: "{files} уже есть; отредактируйте его или выберите другое имя (ничего не записано)"),
        "new.exists.many": Entry(
            en: "{files} already exist; edit them or choose another name (nothing was written)",
            kk: "{files} бұрыннан бар; соларды өңдеңіз немесе басқа атау таңдаңыз (ештеңе жазылмады)",
            ru: "{files} уже есть; отредактируйте их или выберите другое имя (ничего не записано)"),
        "new.write-failed": Entry(
            en: "cannot write {file}: {reason}",
            kk: "{file} жазылмады: {reason}",
            ru: "не удалось записать {file}: {reason}"),
        "new.write-failed.after": Entry(
            en: "cannot write {file}: {reason} (written before it: {written})",
            kk: "{file} жазылмады: {reason} (оған дейін жазылғандар: {written})",
            ru: "не удалось записать {file}: {reason} (до него записаны: {written})"),

        // sitegen bulletin
        "bulletin.lookup.language": Entry(
            en: "unknown language '{language}'; the site's languages are: {languages}",
            kk: "«{language}» тілі белгісіз; сайттың тілдері: {languages}",
            ru: "неизвестный язык «{language}»; языки сайта: {languages}"),
        "bulletin.lookup.target": Entry(
            en: "no content file or translationKey '{target}'; the translationKeys are: {keys}",
            kk: "«{target}» деген мазмұн файлы да, translationKey да жоқ; бар translationKey мәндері: {keys}",
            ru: "нет ни файла, ни translationKey «{target}»; есть такие translationKey: {keys}"),
        "bulletin.lookup.translation": Entry(
            en: "'{key}' has no {language} page; it is written in: {languages}",
            kk: "«{key}» бетінің {language} тіліндегі аудармасы жоқ; ол мына тілдерде жазылған: {languages}",
            ru: "у «{key}» нет страницы на языке {language}; она написана на: {languages}"),

        // sitegen deploy: what went wrong, that the readers' site is unchanged, what to do.
        "deploy.fault.unknown-target": Entry(
            en: "unknown deploy target '{name}'; sitegen.yml defines: {list}",
            kk: "«{name}» жариялау мақсаты белгісіз; sitegen.yml ішінде барлары: {list}",
            ru: "неизвестная цель публикации «{name}»; в sitegen.yml есть: {list}"),
        "deploy.fault.unknown-target.none": Entry(
            en: "unknown deploy target '{name}'; sitegen.yml defines none",
            kk: "«{name}» жариялау мақсаты белгісіз; sitegen.yml ішінде бірде-бір мақсат жоқ",
            ru: "неизвестная цель публикации «{name}»; в sitegen.yml целей нет"),
        "deploy.fault.no-targets": Entry(
            en: "sitegen.yml has no deploy: targets; add one, e.g. deploy: { production: { rsync: \"publisher@example.kz:/var/www/guides\" } }",
            kk: "sitegen.yml ішінде deploy: мақсаттары жоқ; біреуін қосыңыз, мысалы deploy: { production: { rsync: \"publisher@example.kz:/var/www/guides\" } }",
            ru: "в sitegen.yml нет целей deploy:; добавьте цель, например deploy: { production: { rsync: \"publisher@example.kz:/var/www/guides\" } }"),
        "deploy.fault.several-targets": Entry(
            en: "sitegen.yml defines several deploy targets ({list}); name one with --target",
            kk: "sitegen.yml ішінде бірнеше жариялау мақсаты бар ({list}); біреуін --target арқылы көрсетіңіз",
            ru: "в sitegen.yml несколько целей публикации ({list}); укажите одну через --target"),
        "deploy.fault.missing-program": Entry(
            en: "{name} is not installed on this machine; install it (apt-get install {package}) and deploy again",
            kk: "бұл компьютерде {name} орнатылмаған; оны орнатып (apt-get install {package}), қайта жариялаңыз",
            ru: "на этом компьютере не установлен {name}; установите его (apt-get install {package}) и опубликуйте снова"),
        "deploy.fault.busy": Entry(
            en: "another deploy to {target} is running ({who}); wait until it has finished and deploy again; the site the readers see is unchanged",
            kk: "{target} мақсатына басқа жариялау жүріп жатыр ({who}); ол аяқталғанша күтіп, қайта жариялаңыз; оқырмандар көретін сайт өзгерген жоқ",
            ru: "уже идёт другая публикация в {target} ({who}); дождитесь её окончания и опубликуйте снова; сайт, который видят читатели, не изменился"),
        "deploy.fault.busy.unknown": Entry(
            en: "who started it is not known",
            kk: "кім бастағаны белгісіз",
            ru: "кто её начал, неизвестно"),
        "deploy.fault.disk-measured": Entry(
            en: "the disk of {place} is full: {free} KiB free, and release {id} needs {needed} KiB; the site the readers see is unchanged, and the unfinished upload is removed by the next deploy. Free space on the host (or lower deploy.{target}.keep) and deploy again",
            kk: "{place} дискісі толы: {free} KiB бос, ал {id} нұсқасына {needed} KiB керек; оқырмандар көретін сайт өзгерген жоқ, аяқталмаған жүктеуді келесі жариялау өшіреді. Серверде орын босатып (немесе deploy.{target}.keep мәнін азайтып), қайта жариялаңыз",
            ru: "диск {place} заполнен: свободно {free} KiB, а версии {id} нужно {needed} KiB; сайт, который видят читатели, не изменился, незаконченную загрузку удалит следующая публикация. Освободите место на сервере (или уменьшите deploy.{target}.keep) и опубликуйте снова"),
        "deploy.fault.rollback-none": Entry(
            en: "{target} ({place}) has no release to roll back from",
            kk: "{target} ({place}) мақсатында кері қайтаратын нұсқа жоқ",
            ru: "у {target} ({place}) нет версии, которую можно откатить"),
        "deploy.fault.rollback-oldest": Entry(
            en: "{target} has no release older than {current} to roll back to; it stays current",
            kk: "{target} мақсатында {current} нұсқасынан ескі нұсқа жоқ; ағымдағы нұсқа өзгермейді",
            ru: "у {target} нет версии старше {current}, к которой можно откатиться; текущей остаётся она"),
        "deploy.fault.host-refused": Entry(
            en: "the host could not {during}: {detail}",
            kk: "сервер әрекетті орындай алмады ({during}): {detail}",
            ru: "сервер не смог выполнить действие ({during}): {detail}"),
        "deploy.fault.key": Entry(
            en: "{host} refused our ssh key{shown}; the site the readers see is unchanged. Add this machine's public key to the publishing account's ~/.ssh/authorized_keys, or name the key in an ssh_config (deploy.{target}.ssh_config)",
            kk: "{host} біздің ssh кілтімізді қабылдамады{shown}; оқырмандар көретін сайт өзгерген жоқ. Осы компьютердің ашық кілтін жариялайтын тіркелгінің ~/.ssh/authorized_keys файлына қосыңыз немесе кілтті ssh_config ішінде көрсетіңіз (deploy.{target}.ssh_config)",
            ru: "{host} не принял наш ssh-ключ{shown}; сайт, который видят читатели, не изменился. Добавьте открытый ключ этого компьютера в ~/.ssh/authorized_keys публикующей учётной записи или укажите ключ в ssh_config (deploy.{target}.ssh_config)"),
        "deploy.fault.host-key": Entry(
            en: "the host key of {host} is not the one known to this machine{shown}; the site the readers see is unchanged. Check it with the host's administrator and add it to known_hosts (ssh-keyscan)",
            kk: "{host} серверінің кілті бұл компьютерге белгілі кілтпен сәйкес емес{shown}; оқырмандар көретін сайт өзгерген жоқ. Оны сервер әкімшісімен тексеріп, known_hosts файлына қосыңыз (ssh-keyscan)",
            ru: "ключ сервера {host} не совпадает с известным этому компьютеру{shown}; сайт, который видят читатели, не изменился. Сверьте его с администратором сервера и добавьте в known_hosts (ssh-keyscan)"),
        "deploy.fault.unreachable": Entry(
            en: "cannot reach {host}{shown}; the site the readers see is unchanged. Check the host name in sitegen.yml, the network, and that ssh runs on the host",
            kk: "{host} серверіне қосылу мүмкін емес{shown}; оқырмандар көретін сайт өзгерген жоқ. sitegen.yml ішіндегі сервер атауын, желіні және серверде ssh жұмыс істейтінін тексеріңіз",
            ru: "не удаётся связаться с {host}{shown}; сайт, который видят читатели, не изменился. Проверьте имя сервера в sitegen.yml, сеть и то, что на сервере работает ssh"),
        "deploy.fault.disk": Entry(
            en: "the disk of {place} is full while {during}{shown}; the site the readers see is unchanged; an unfinished upload is removed by the next deploy. Free space on the host (or lower deploy.{target}.keep) and deploy again",
            kk: "{place} дискісі толы (кезең: {during}){shown}; оқырмандар көретін сайт өзгерген жоқ; аяқталмаған жүктеуді келесі жариялау өшіреді. Серверде орын босатып (немесе deploy.{target}.keep мәнін азайтып), қайта жариялаңыз",
            ru: "диск {place} заполнен (этап: {during}){shown}; сайт, который видят читатели, не изменился; незаконченную загрузку удалит следующая публикация. Освободите место на сервере (или уменьшите deploy.{target}.keep) и опубликуйте снова"),
        "deploy.fault.permission": Entry(
            en: "the host refuses to write in {place} while {during}{shown}; the site the readers see is unchanged. The publishing account must own the folder (or be able to create it)",
            kk: "сервер {place} ішіне жазуға рұқсат бермейді (кезең: {during}){shown}; оқырмандар көретін сайт өзгерген жоқ. Бума жариялайтын тіркелгіге тиесілі болуы керек (немесе тіркелгі оны жасай алуы керек)",
            ru: "сервер не даёт писать в {place} (этап: {during}){shown}; сайт, который видят читатели, не изменился. Папка должна принадлежать публикующей учётной записи (или та должна уметь её создать)"),
        "deploy.fault.interrupted": Entry(
            en: "the upload to {place} was interrupted{shown}; the site the readers see is unchanged; the unfinished release is removed by the next deploy. Deploy again",
            kk: "{place} серверіне жүктеу үзілді{shown}; оқырмандар көретін сайт өзгерген жоқ; аяқталмаған нұсқаны келесі жариялау өшіреді. Қайта жариялаңыз",
            ru: "загрузка на {place} прервалась{shown}; сайт, который видят читатели, не изменился; незаконченную версию удалит следующая публикация. Опубликуйте снова"),
        "deploy.fault.ssh": Entry(
            en: "ssh could not connect to {host}{shown}; the site the readers see is unchanged",
            kk: "ssh {host} серверіне қосыла алмады{shown}; оқырмандар көретін сайт өзгерген жоқ",
            ru: "ssh не смог подключиться к {host}{shown}; сайт, который видят читатели, не изменился"),
        "deploy.fault.failed": Entry(
            en: "{during} on {place} failed (exit status {status}){shown}; the site the readers see is unchanged",
            kk: "{place} серверінде сәтсіздік (кезең: {during}, шығу коды {status}){shown}; оқырмандар көретін сайт өзгерген жоқ",
            ru: "на {place} произошёл сбой (этап: {during}, код выхода {status}){shown}; сайт, который видят читатели, не изменился"),
        "deploy.fault.other": Entry(
            en: "{reason}",
            kk: "жариялау тоқтады: {reason}",
            ru: "публикация остановлена: {reason}"),
        // What a deploy reports as it goes (stdout). The listing's words are padded to one width per language.
        "deploy.say.not-uploaded": Entry(
            en: "nothing was uploaded: the build has errors",
            kk: "ештеңе жүктелмеді: құрастыруда қателер бар",
            ru: "ничего не загружено: в сборке есть ошибки"),
        "deploy.say.cleaned": Entry(
            en: "removed the unfinished upload of release {release} left by an interrupted deploy",
            kk: "үзілген жариялаудан қалған {release} нұсқасының аяқталмаған жүктеуі өшірілді",
            ru: "удалена незаконченная загрузка версии {release}, оставшаяся от прерванной публикации"),
        "deploy.say.current": Entry(
            en: "release {release} is already deployed on {target} ({place}); nothing to do",
            kk: "{release} нұсқасы {target} ({place}) мақсатында жарияланып қойған; ештеңе істеудің қажеті жоқ",
            ru: "версия {release} уже опубликована в {target} ({place}); делать нечего"),
        "deploy.say.switching": Entry(
            en: "release {release} is already on the host; checking it against this build (a file lost or changed there is uploaded again) and switching {target} to it",
            kk: "{release} нұсқасы серверде бар; ол осы құрастырумен салыстырылады (онда жоғалған не өзгерген файл қайта жүктеледі) және {target} соған ауыстырылады",
            ru: "версия {release} уже есть на сервере; она сверяется с этой сборкой (потерянный или изменённый там файл загружается снова), и {target} переключается на неё"),
        "deploy.say.uploading": Entry(
            en: "uploading release {release} to {target} ({place})",
            kk: "{release} нұсқасы {target} ({place}) мақсатына жүктелуде",
            ru: "загрузка версии {release} в {target} ({place})"),
        "deploy.say.removed": Entry(
            en: "removed release {release} (keeping {keep})",
            kk: "{release} нұсқасы өшірілді ({keep} нұсқа сақталады)",
            ru: "удалена версия {release} (хранится версий: {keep})"),
        "deploy.say.held": Entry(
            en: "warning: kept release {release}, beyond the {keep} kept: it holds {file}, which sitegen did not upload; move that file out of it, and the next deploy removes the release",
            kk: "ескерту: {release} нұсқасы қалдырылды, сақталатын {keep} нұсқадан артық болса да: онда sitegen жүктемеген {file} файлы бар; сол файлды одан шығарыңыз, сонда келесі жариялау нұсқаны өшіреді",
            ru: "предупреждение: версия {release} оставлена, хотя хранится версий: {keep}: в ней есть {file}, который sitegen не загружал; уберите этот файл из неё, и следующая публикация удалит версию"),
        "deploy.say.held-unlisted": Entry(
            en: "warning: kept release {release}, beyond the {keep} kept: it was uploaded with no list of its files (by an older sitegen), so what else is in it cannot be told; remove it by hand once nothing of yours is in it",
            kk: "ескерту: {release} нұсқасы қалдырылды, сақталатын {keep} нұсқадан артық болса да: ол файлдарының тізімінсіз (sitegen-нің ескі нұсқасымен) жүктелген, сондықтан онда тағы не бар екенін білу мүмкін емес; онда сіздің ештеңеңіз жоқ болса, оны қолмен өшіріңіз",
            ru: "предупреждение: версия {release} оставлена, хотя хранится версий: {keep}: она загружена без списка своих файлов (старой версией sitegen), и что ещё в ней есть, узнать нельзя; удалите её вручную, если в ней нет ничего вашего"),
        "deploy.say.held-unreadable": Entry(
            en: "warning: kept release {release}, beyond the {keep} kept: it could not be read whole, so what else is in it cannot be told; make it readable, or remove it by hand once nothing of yours is in it",
            kk: "ескерту: {release} нұсқасы қалдырылды, сақталатын {keep} нұсқадан артық болса да: оны толық оқу мүмкін болмады, сондықтан онда тағы не бар екенін білу мүмкін емес; оны оқылатын етіңіз немесе онда сіздің ештеңеңіз жоқ болса, қолмен өшіріңіз",
            ru: "предупреждение: версия {release} оставлена, хотя хранится версий: {keep}: её не удалось прочитать целиком, и что ещё в ней есть, узнать нельзя; сделайте её читаемой или удалите вручную, если в ней нет ничего вашего"),
        "deploy.say.first": Entry(
            en: "{target} ({place}) has no release yet; a deploy would upload release {release}:",
            kk: "{target} ({place}) мақсатында әзірге нұсқа жоқ; жариялау {release} нұсқасын жүктейді:",
            ru: "в {target} ({place}) ещё нет версий; публикация загрузит версию {release}:"),
        "deploy.say.added": Entry(
            en: "  added    {file}",
            kk: "  қосылады  {file}",
            ru: "  добавится {file}"),
        "deploy.say.changed": Entry(
            en: "  changed  {file}",
            kk: "  өзгереді  {file}",
            ru: "  изменится {file}"),
        "deploy.say.deleted": Entry(
            en: "  removed  {file}",
            kk: "  өшіріледі {file}",
            ru: "  удалится  {file}"),
        "deploy.say.totals": Entry(
            en: "{added} added, {changed} changed, {removed} removed (dry run: nothing was touched)",
            kk: "қосылады: {added}, өзгереді: {changed}, өшіріледі: {removed} (сынақ: ештеңе өзгертілмеді)",
            ru: "добавится: {added}, изменится: {changed}, удалится: {removed} (пробный запуск: ничего не изменено)"),
        "deploy.say.same": Entry(
            en: "release {release} is already deployed on {target}; a deploy would change nothing",
            kk: "{release} нұсқасы {target} мақсатында жарияланып қойған; жариялау ештеңені өзгертпейді",
            ru: "версия {release} уже опубликована в {target}; публикация ничего не изменит"),
        "deploy.say.replace": Entry(
            en: "a deploy to {target} would replace release {current} with {release}:",
            kk: "{target} мақсатына жариялау {current} нұсқасын {release} нұсқасымен ауыстырады:",
            ru: "публикация в {target} заменит версию {current} на {release}:"),
        "deploy.say.rolled-back": Entry(
            en: "rolled back {target} from release {current} to {release}",
            kk: "{target} {current} нұсқасынан {release} нұсқасына қайтарылды",
            ru: "{target} откачен с версии {current} на {release}"),
        "deploy.say.list": Entry(
            en: "releases on {target} ({place}), newest first; * is current:",
            kk: "{target} ({place}) нұсқалары, жаңалары жоғарыда; * — ағымдағысы:",
            ru: "версии в {target} ({place}), новые сверху; * — текущая:"),
        "deploy.say.none": Entry(
            en: "  (none)",
            kk: "  (жоқ)",
            ru: "  (нет)"),
        "deploy.say.unlogged": Entry(
            en: "{mark} {release}  (not in deploy.log)",
            kk: "{mark} {release}  (deploy.log ішінде жоқ)",
            ru: "{mark} {release}  (нет в deploy.log)"),
        // What the deploy was doing, inside the faults above.
        "deploy.during.prepare": Entry(
            en: "preparing the target folder",
            kk: "мақсатты буманы дайындау",
            ru: "подготовка целевой папки"),
        "deploy.during.upload": Entry(
            en: "uploading release {release}",
            kk: "{release} нұсқасын жүктеу",
            ru: "загрузка версии {release}"),
        "deploy.during.compare": Entry(
            en: "comparing with release {release}",
            kk: "{release} нұсқасымен салыстыру",
            ru: "сравнение с версией {release}"),
        "deploy.during.publish": Entry(
            en: "publish release {release}",
            kk: "{release} нұсқасын жариялау",
            ru: "публикация версии {release}"),
        "deploy.during.switch": Entry(
            en: "switch to release {release}",
            kk: "{release} нұсқасына ауысу",
            ru: "переключение на версию {release}"),
        "deploy.during.remove": Entry(
            en: "remove release {release}",
            kk: "{release} нұсқасын өшіру",
            ru: "удаление версии {release}"),
        "deploy.during.log": Entry(
            en: "log release {release}",
            kk: "{release} нұсқасын журналға жазу",
            ru: "запись версии {release} в журнал"),
    ]
}
