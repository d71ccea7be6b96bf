/// The YAML and Mustache parsers' complaints in plain words, each with what to do. They fill the
/// `{detail}` of `yaml.syntax.problem` and `template.syntax`; the parser's own English is shown
/// only for a complaint not listed here (`yaml.syntax.detail`, `template.problem.other`).
package enum ParserMessages {
    typealias Entry = MessageCatalog.Entry

    static let entries: [String: Entry] = [
        "yaml.syntax.problem": Entry(
            en: "invalid YAML: {detail}",
            kk: "YAML қатесі: {detail}",
            ru: "ошибка YAML: {detail}"),
        "yaml.problem.token": Entry(
            en: "a value starts with a character YAML reserves (@, `, %, | or >): put the value in quotes",
            kk: "мән YAML-дың арнайы таңбасынан басталады (@, `, %, | не >): мәнді тырнақшаға алыңыз",
            ru: "значение начинается со служебного символа YAML (@, `, %, | или >): возьмите значение в кавычки"),
        "yaml.problem.colon": Entry(
            en: "a value holds “: ”, which YAML reads as another key: put the value in quotes",
            kk: "мәнде «: » бар, YAML оны жаңа кілт деп оқиды: мәнді тырнақшаға алыңыз",
            ru: "в значении есть «: », и YAML читает это как новый ключ: возьмите значение в кавычки"),
        "yaml.problem.dash": Entry(
            en: "a list item “- ” stands where a value was expected: start the list on the next line, indented under its key",
            kk: "мән күтілген жерде «- » тізім элементі тұр: тізімді келесі жолдан, кілтінің астына шегініспен бастаңыз",
            ru: "элемент списка «- » стоит там, где ждали значение: начните список со следующей строки с отступом под ключом"),
        "yaml.problem.unclosed": Entry(
            en: "a quote or bracket is never closed: close it at the end of the value",
            kk: "тырнақша не жақша жабылмаған: мәннің соңында жабыңыз",
            ru: "кавычка или скобка не закрыта: закройте её в конце значения"),
        "yaml.problem.escape": Entry(
            en: "a backslash in double quotes starts an escape YAML does not know: write \\\\ for a backslash, or use single quotes",
            kk: "қос тырнақшада кері қиғаш сызықтан кейін YAML түсінбейтін таңба тұр: кері қиғаш сызық үшін \\\\ деп жазыңыз немесе мәнді дара тырнақшаға алыңыз",
            ru: "в двойных кавычках за обратной косой чертой стоит символ, который YAML не понимает: пишите \\\\ или возьмите значение в одинарные кавычки"),
        "yaml.problem.anchor": Entry(
            en: "a value starting with * or & is read as a YAML reference: put the value in quotes",
            kk: "* не & белгісінен басталған мәнді YAML сілтеме деп оқиды: мәнді тырнақшаға алыңыз",
            ru: "значение, начинающееся с * или &, YAML читает как ссылку: возьмите значение в кавычки"),
        "yaml.problem.tag": Entry(
            en: "a value starting with ! is read as a YAML tag: put the value in quotes",
            kk: "! белгісінен басталған мәнді YAML тег деп оқиды: мәнді тырнақшаға алыңыз",
            ru: "значение, начинающееся с !, YAML читает как тег: возьмите значение в кавычки"),
        "yaml.problem.tab": Entry(
            en: "a tab in the indentation: indent with spaces",
            kk: "шегіністе табуляция бар: шегіністі бос орындармен жасаңыз",
            ru: "в отступе есть табуляция: делайте отступ пробелами"),
        "yaml.problem.indent": Entry(
            en: "this line is indented differently from the keys around it: start keys of the same level at the same column, with spaces",
            kk: "бұл жолдың шегінісі көршілес кілттерден басқа: бір деңгейдегі кілттерді бірдей бос орынмен бастаңыз",
            ru: "отступ этой строки не совпадает с соседними ключами: начинайте ключи одного уровня с одинакового числа пробелов"),
        "yaml.problem.value": Entry(
            en: "a value is missing or cannot start this way: write the value after “key: ”, in quotes if it starts with a sign",
            kk: "мән жоқ немесе осылай басталмайды: мәнді «кілт: » бөлігінен кейін жазыңыз, белгіден басталса — тырнақшада",
            ru: "значения нет или оно не может так начинаться: напишите значение после «ключ: », а если оно начинается со знака — в кавычках"),
        "yaml.problem.flow": Entry(
            en: "a list in [ ] or a map in { } lacks a comma or its closing bracket: close it, or put a value with brackets or commas in quotes",
            kk: "[ ] тізімінде не { } ішінде үтір немесе жабатын жақша жоқ: жақшаны жабыңыз немесе жақшасы, үтірі бар мәнді тырнақшаға алыңыз",
            ru: "в списке [ ] или словаре { } не хватает запятой или закрывающей скобки: закройте её или возьмите значение со скобками или запятыми в кавычки"),
        "yaml.problem.after-quote": Entry(
            en: "text follows the closing quote: put the whole value inside the quotes",
            kk: "жабатын тырнақшадан кейін мәтін бар: бүкіл мәнді тырнақшаның ішіне алыңыз",
            ru: "после закрывающей кавычки есть текст: возьмите в кавычки всё значение"),
        "yaml.problem.document": Entry(
            en: "a line --- or ... inside the YAML ends it early: remove the line, or put the value in quotes",
            kk: "YAML ішіндегі --- не ... жолы оны ерте аяқтайды: жолды өшіріңіз немесе мәнді тырнақшаға алыңыз",
            ru: "строка --- или ... внутри YAML обрывает его: удалите строку или возьмите значение в кавычки"),
        "yaml.problem.control": Entry(
            en: "the text holds an invisible control character: retype the line",
            kk: "мәтінде көзге көрінбейтін басқару таңбасы бар: жолды қайта теріңіз",
            ru: "в тексте есть невидимый управляющий символ: наберите строку заново"),
        "yaml.problem.encoding": Entry(
            en: "the text is not valid UTF-8: save the file as UTF-8",
            kk: "мәтін дұрыс UTF-8 емес: файлды UTF-8 кодтауымен сақтаңыз",
            ru: "текст не в корректной кодировке UTF-8: сохраните файл в UTF-8"),

        // Mustache templates, for `template.syntax`.
        "template.problem.close-name": Entry(
            en: "a {{/name}} closes a section other than the last one opened",
            kk: "{{/name}} соңғы ашылған бөлімді емес, басқасын жабады",
            ru: "{{/name}} закрывает не тот раздел, что был открыт последним"),
        "template.problem.unfinished-tag": Entry(
            en: "a tag is not finished: each {{ needs its }}",
            kk: "тег аяқталмаған: әр {{ белгісінің өз }} белгісі болуы керек",
            ru: "тег не закончен: у каждой {{ должна быть своя }}"),
        "template.problem.section-end": Entry(
            en: "a section is never closed",
            kk: "бөлім жабылмаған",
            ru: "раздел не закрыт"),
        "template.problem.delimiter": Entry(
            en: "a {{=…=}} delimiter tag is malformed",
            kk: "{{=…=}} бөлгіш тегі қате жазылған",
            ru: "тег разделителей {{=…=}} записан неверно"),
        "template.problem.inheritance": Entry(
            en: "a {{<partial}} block holds something other than {{$blocks}}",
            kk: "{{<partial}} блогында {{$blocks}} блоктарынан басқа нәрсе бар",
            ru: "в блоке {{<partial}} есть что-то кроме блоков {{$blocks}}"),
        "template.problem.config": Entry(
            en: "a {{% … }} setting is malformed or unknown",
            kk: "{{% … }} баптауы қате жазылған немесе белгісіз",
            ru: "настройка {{% … }} записана неверно или неизвестна"),
        "template.problem.other": Entry(
            en: "{reason}",
            kk: "талдаушының хабары: {reason}",
            ru: "сообщение парсера: {reason}"),
    ]

    /// The `yaml.problem.*` entry for a complaint of libyaml (through Yams), or nil when it has none.
    /// `problem` is the complaint with its context (`… (while scanning a tag)`).
    package static func yamlProblem(_ problem: String) -> String? {
        let table: [(String, String)] = [
            ("while scanning a tag", "yaml.problem.tag"),
            ("while scanning an anchor", "yaml.problem.anchor"),
            ("while scanning an alias", "yaml.problem.anchor"),
            ("cannot start any token", "yaml.problem.token"),
            ("mapping values are not allowed", "yaml.problem.colon"),
            ("block sequence entries are not allowed", "yaml.problem.dash"),
            ("unexpected end of stream", "yaml.problem.unclosed"),
            ("unknown escape character", "yaml.problem.escape"),
            ("expected alphabetic or numeric character", "yaml.problem.anchor"),
            ("undefined tag handle", "yaml.problem.tag"),
            ("tab character", "yaml.problem.tab"),
            ("did not find expected key", "yaml.problem.indent"),
            ("did not find expected '-' indicator", "yaml.problem.indent"),
            ("could not find expected ':'", "yaml.problem.indent"),
            ("did not find expected node content", "yaml.problem.value"),
            ("did not find expected ',' or", "yaml.problem.flow"),
            ("did not find expected comment or line break", "yaml.problem.after-quote"),
            ("unexpected document indicator", "yaml.problem.document"),
            ("did not find expected <document start>", "yaml.problem.document"),
            ("control characters are not allowed", "yaml.problem.control"),
            ("UTF-8", "yaml.problem.encoding"),
            ("UTF-16", "yaml.problem.encoding"),
        ]
        return table.first { problem.localizedCaseInsensitiveContains($0.0) }?.1
    }
}
