import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// `sitegen new <section>/<slug>`: a new page in every language of the site, with front matter (a
/// title to replace, today's date, one translationKey shared by the translations) and a skeleton of
/// its kind that builds without an error, so an editor starts from something that works.
package enum NewPage {
    /// What the page is for; each kind has its skeleton.
    package enum Kind: String, CaseIterable, Sendable {
        case guide, checklist, links, warning
    }

    /// The files written (relative to the source), or why none was.
    package enum Outcome: Equatable {
        case written([String])
        case refused(CatalogMessage)
    }

    /// Writes `content/<language>/<path>.md` for every language of `sitegen.yml`. Nothing is written
    /// unless every file can be: an existing file is never replaced.
    /// `hasOfficialLinks`: whether `sitegen.yml` lists `official:` entries, which a links page shows.
    package static func create(path: String, kind: Kind, title: String?, sourceDirectory: String,
                              languages: [String], hasOfficialLinks: Bool = true, today: Date = Date()) -> Outcome {
        if kind == .links && !hasOfficialLinks {
            return .refused(CatalogMessage("new.no-official"))
        }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last?.hasSuffix(".md") == true { segments[segments.count - 1].removeLast(3) }
        guard !segments.isEmpty, !path.hasPrefix("/") else { return .refused(CatalogMessage("new.path")) }
        for segment in segments where !PageAddressRule.isSafe(segment) || segment == "_index" {
            let suggestion = PageAddressRule.suggested(segment)
            return .refused(suggestion.isEmpty || suggestion == segment ? CatalogMessage("new.segment", ["segment": segment])
                            : CatalogMessage("new.segment.suggested", ["segment": segment, "suggestion": suggestion]))
        }
        let relative = segments.joined(separator: "/")
        let files = languages.map { "content/\($0)/\(relative).md" }
        let existing = files.filter { FileManager.default.fileExists(atPath: sourceDirectory + "/" + $0) }
        guard existing.isEmpty else {
            return .refused(CatalogMessage(existing.count == 1 ? "new.exists.one" : "new.exists.many",
                                           ["files": existing.joined(separator: ", ")]))
        }
        let key = segments.joined(separator: "-")
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Asia/Almaty")
        formatter.dateFormat = "yyyy-MM-dd"
        let date = formatter.string(from: today)
        var written: [String] = []
        for (language, file) in zip(languages, files) {
            let text = Skeleton(kind: kind, language: language)
            let page = """
                ---
                title: \(quoted(title ?? text.title))
                description: \(quoted(text.description))
                date: \(date)
                lastmod: \(date)
                translationKey: \(quoted(key))
                kind: \(kind.rawValue)
                ---

                \(text.body)
                """
            let full = sourceDirectory + "/" + file
            do {
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                // O_EXCL: a file that appeared since the check above is still not replaced.
                let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw OutputError.io(errnoText()) }
                let ok = Array(page.utf8).withUnsafeBytes { OutputTree.writeAll(fd, $0) }
                close(fd)
                guard ok else { throw OutputError.io(errnoText()) }
                written.append(file)
            } catch {
                // The reason is the system's (strerror), as every I/O error sitegen reports.
                let reason: String
                if case OutputError.io(let text) = error { reason = text } else { reason = "\(error)" }
                return .refused(written.isEmpty ? CatalogMessage("new.write-failed", ["file": file, "reason": reason])
                                : CatalogMessage("new.write-failed.after", ["file": file, "reason": reason,
                                                                            "written": written.joined(separator: ", ")]))
            }
        }
        return .written(written)
    }

    /// A YAML double-quoted string.
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// The words of a new page in one language: Kazakh, Russian, or English for any other.
private struct Skeleton {
    let title: String
    let description: String
    let body: String

    init(kind: NewPage.Kind, language: String) {
        switch (kind, language) {
        case (.guide, "kk"):
            title = "Жаңа нұсқаулық"
            description = "Нұсқаулықтың қысқаша мазмұны: кімге арналған және не істеу керек."
            body = "Бұл нұсқаулық не туралы екенін бір-екі сөйлеммен жазыңыз.\n\n1. Бірінші қадам.\n2. Екінші қадам.\n3. Үшінші қадам.\n"
        case (.guide, "ru"):
            title = "Новая инструкция"
            description = "Кратко: для кого эта инструкция и что нужно сделать."
            body = "Опишите в одном-двух предложениях, о чём эта инструкция.\n\n1. Первый шаг.\n2. Второй шаг.\n3. Третий шаг.\n"
        case (.guide, _):
            title = "New guide"
            description = "In short: who this guide is for and what to do."
            body = "Say in a sentence or two what this guide is about.\n\n1. First step.\n2. Second step.\n3. Third step.\n"
        case (.checklist, "kk"):
            title = "Жаңа тізім"
            description = "Өтінім бермес бұрын дайындайтын деректер."
            body = "Өтінім бермес бұрын мыналарды дайындаңыз.\n\n- [ ] Бірінші тармақ\n- [ ] Екінші тармақ\n"
        case (.checklist, "ru"):
            title = "Новый список"
            description = "Что подготовить перед подачей заявки."
            body = "Перед подачей заявки подготовьте следующее.\n\n- [ ] Первый пункт\n- [ ] Второй пункт\n"
        case (.checklist, _):
            title = "New checklist"
            description = "What to have ready before applying."
            body = "Have these ready before you apply.\n\n- [ ] First item\n- [ ] Second item\n"
        case (.links, "kk"):
            title = "Ресми сілтемелер"
            description = "Өтінім беруге болатын ресми мекенжайлар."
            body = "Өтінімді тек ресми арналар арқылы беріңіз.\n\n```official-links\n```\n"
        case (.links, "ru"):
            title = "Официальные ссылки"
            description = "Официальные адреса, где можно подать заявку."
            body = "Подавайте заявку только через официальные каналы.\n\n```official-links\n```\n"
        case (.links, _):
            title = "Official links"
            description = "The official addresses where you can apply."
            body = "Apply through the official channels only.\n\n```official-links\n```\n"
        case (.warning, "kk"):
            title = "Жаңа ескерту"
            description = "Жалған сайт немесе бот туралы ескерту."
            body = "> [!WARNING]\n> Жалған сайттың немесе боттың атын осында жазыңыз және оны қалай ажыратуға болатынын түсіндіріңіз.\n"
        case (.warning, "ru"):
            title = "Новое предупреждение"
            description = "Предупреждение о поддельном сайте или боте."
            body = "> [!WARNING]\n> Назовите здесь поддельный сайт или бот и объясните, как его отличить.\n"
        case (.warning, _):
            title = "New warning"
            description = "A warning about a fake site or bot."
            body = "> [!WARNING]\n> Name the fake site or bot here and say how to tell it apart.\n"
        }
    }
}
