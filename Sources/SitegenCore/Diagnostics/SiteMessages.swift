/// Messages about the site as a whole: `sitegen.yml`, folders, output.
enum SiteMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "config.baseURL-placeholder": Entry(
            en: "baseURL {url} is a placeholder ({host}), and every bulletin ends with it: set baseURL in sitegen.yml to the site's real address before publishing",
            kk: "baseURL {url} — уақытша мекенжай ({host}), ал әр бюллетень осы мекенжаймен аяқталады: жарияламас бұрын sitegen.yml ішіндегі baseURL-ге сайттың нақты мекенжайын жазыңыз",
            ru: "baseURL {url} — адрес-заглушка ({host}), а им заканчивается каждый бюллетень: перед публикацией укажите в sitegen.yml в baseURL настоящий адрес сайта"),
    ]
}
