/// Messages of the link policy: links, names in text, Telegram handles, known fakes.
enum PolicyMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [:]
}
