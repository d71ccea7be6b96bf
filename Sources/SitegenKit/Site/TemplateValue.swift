/// A value a template reads. Typed, so rendering never has to ask at run time what a value is (the
/// dynamic casts of `[String: Any]` contexts were most of a page's template time), and a context says
/// in its type what it holds.
///
/// Mustache reads each case as swift-mustache reads the Swift value it stands for: `.text` as a
/// `String`, `.flag` as a `Bool`, `.list` and `.items` as an array and `.object` as a `[String: Any]`
/// (see ``anyValue``, which ``Templates`` hands the library when a template needs it).
enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    /// A list whose items are made one at a time, as the template reaches each.
    case items(TemplateItems)
    case object(TemplateObject)

    /// The value as the Mustache library takes it.
    var anyValue: Any {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .list(let items): return items.map(\.anyValue)
        case .items(let items): return (0..<items.count).map { items.item($0).anyValue }
        case .object(let object): return object.anyValue
        }
    }
}

/// Named values: the context of a template, or an item of a list in it. A name not set is absent,
/// which a template's section skips and its variable renders as nothing.
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var fields: [String: TemplateValue]

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        fields = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }

    /// Every value of a table of texts (the i18n strings of a language).
    init(texts: [String: String]) {
        fields = texts.mapValues(TemplateValue.text)
    }

    subscript(name: String) -> TemplateValue? {
        get { fields[name] }
        set { fields[name] = newValue }
    }

    /// The object as the Mustache library takes it.
    var anyValue: [String: Any] { fields.mapValues(\.anyValue) }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    init(stringLiteral value: String) { self = .text(value) }
    init(booleanLiteral value: Bool) { self = .flag(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(fields: Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }

    /// A list of objects.
    static func objects(_ items: [TemplateObject]) -> TemplateValue { .list(items.map(TemplateValue.object)) }

    /// A list of `count` objects, each made by `item` from its place when the template reaches it.
    static func objects(count: Int, _ item: @escaping @Sendable (Int) -> TemplateObject) -> TemplateValue {
        .items(TemplateItems(count: count) { .object(item($0)) })
    }
}

/// A list made an item at a time: a list of every guide of a language (the search page's), made
/// whole, held each guide's title, address and description as an object of its own at once, the
/// largest thing a big site's build held; made as it is rendered, one item is held at a time.
struct TemplateItems: Sendable {
    let count: Int
    let item: @Sendable (Int) -> TemplateValue
}

extension TemplateObject {
    fileprivate init(fields: [String: TemplateValue]) { self.fields = fields }
}
