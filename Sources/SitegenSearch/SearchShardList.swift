/// The list of shards in `meta.json`, written as compactly as the reader's first download needs: a big
/// index has thousands of shards, and every query starts by reading this list.
///
/// The shards are the nodes of the prefix tree in depth-first order (see ``SearchIndexWriter``). Every node
/// but the root is a split prefix it belongs to plus one letter, so the list is one string of tokens:
/// - the root: `*` when it is split, `.` when the index is a single shard;
/// - `)` closes the innermost open split prefix;
/// - a node: its last letter, then `*` when it is a split prefix, which opens it. A letter is one
///   character of ``codes`` standing for the letter at that position of `letters` (the letters of the
///   list, most frequent first), or `~` followed by the letter itself when `letters` has no code for it.
///
/// For example `{"letters":"аб","shards":"*!#*!)"}` lists `*`, `а`, `б*`, `ба`.
enum SearchShardList {
    /// Printable ASCII but the characters with a role in the list (`*`, `)`, `~`) or a JSON escape.
    static let codes: [Unicode.Scalar] = (0x21...0x7E).compactMap { value in
        let c = Unicode.Scalar(UInt8(value))
        return "*)~\"\\".unicodeScalars.contains(c) ? nil : c
    }

    /// `letters` and `shards` for nodes in depth-first order, the first being the root (key "").
    static func encode(_ nodes: [(key: String, split: Bool)]) -> (letters: String, shards: String) {
        let keys = nodes.map { Array($0.key.unicodeScalars) }
        var frequency: [Unicode.Scalar: Int] = [:]
        for key in keys.dropFirst() { if let last = key.last { frequency[last, default: 0] += 1 } }
        let letters = frequency.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.value < $1.key.value }
            .prefix(codes.count).map(\.key)
        let code = Dictionary(uniqueKeysWithValues: letters.enumerated().map { ($1, codes[$0]) })

        var out = String.UnicodeScalarView()
        out.append(nodes.first?.split == true ? "*" : ".")
        var open: [[Unicode.Scalar]] = nodes.first?.split == true ? [[]] : []
        for (key, node) in zip(keys, nodes).dropFirst() {
            let parent = Array(key.dropLast())
            while let top = open.last, top != parent {
                open.removeLast()
                out.append(")")
            }
            precondition(open.last == parent, "a shard's key extends an open split prefix by one letter")
            let letter = key[key.count - 1]
            if let c = code[letter] { out.append(c) } else { out.append("~"); out.append(letter) }
            if node.split {
                out.append("*")
                open.append(key)
            }
        }
        var table = String.UnicodeScalarView()
        table.append(contentsOf: letters)
        return (String(table), String(out))
    }

    /// The names the list stands for (a split prefix followed by `*`), for tests.
    static func decode(letters: String, shards: String) -> [String]? {
        let table = Array(letters.unicodeScalars)
        let list = Array(shards.unicodeScalars)
        guard let root = list.first, root == "*" || root == "." else { return nil }
        var names = [root == "*" ? "*" : ""]
        var open: [String] = root == "*" ? [""] : []
        var i = 1
        while i < list.count {
            var c = list[i]
            i += 1
            if c == ")" {
                guard open.popLast() != nil else { return nil }
                continue
            }
            if c == "~" {
                guard i < list.count else { return nil }
                c = list[i]
                i += 1
            } else {
                guard let at = codes.firstIndex(of: c), at < table.count else { return nil }
                c = table[at]
            }
            guard let parent = open.last else { return nil }
            let key = parent + String(Character(c))
            if i < list.count, list[i] == "*" {
                i += 1
                open.append(key)
                names.append(key + "*")
            } else {
                names.append(key)
            }
        }
        return names
    }
}
