import SitegenCore

/// The SMS as a phone's messages app reads it (``SMSNumbers``): which numbers it offers to call, but
/// for official ones and digits inside what it links as an address.
extension PageInspector {
    /// The objection to a number a messages app offers to call in an SMS that `links.phones` does not hold.
    package static func smsNumberFinding(_ found: SMSNumbers.Found, field: String) -> Finding {
        Finding(code: "text.phone", id: "text.phone.sms",
                ["number": shownAsOneLine(found.text), "dialled": (found.plus ? "+" : "") + found.digits, "field": field], url: nil)
    }

    /// Objections to the numbers an SMS's text holds that a messages app offers to call.
    package func smsNumberFindings(_ text: String) -> [(finding: Finding, text: String)] {
        smsNumbers(text).map { (Self.smsNumberFinding($0, field: "sms"), $0.text) }
    }

    /// The numbers a messages app offers to call in `text`, but for official ones and digits inside an address.
    func smsNumbers(_ text: String) -> [SMSNumbers.Found] {
        SMSNumbers.find(in: text, official: officialPhones, addresses: smsAddressSpans(text))
    }

    /// Where `text` holds what a messages app links as an address rather than a number, in Unicode scalars:
    /// each web or e-mail address and handle the scan finds, up to the first mark Android's address ends at.
    func smsAddressSpans(_ text: String) -> [Range<Int>] {
        let found = tokens.scan(text).filter { token in
            switch token.kind {
            case .url, .domain, .email, .handle, .telegramPath: return true
            default: return false
            }
        }
        guard !found.isEmpty else { return [] }
        // The scan counts UTF-8 bytes; the SMS reading counts scalars.
        let s = ScalarArray.of(text)
        var offsets = [Int](repeating: 0, count: s.count + 1)
        for (i, u) in s.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(u) }
        return found.compactMap { token in
            guard let start = offsets.firstIndex(of: token.offset),
                  var end = offsets[start...].firstIndex(of: token.offset + token.length) else { return nil }
            // A name with a path after it (`www.egov.kz/1234567`) is one address to the app, path and all.
            if case .domain = token.kind, end < s.count, s[end] == "/" || s[end] == "?" || s[end] == "#" {
                while end < s.count, SMSNumbers.mayContinueAddress(s[end]) { end += 1 }
            }
            let cut = s[start..<end].firstIndex { !SMSNumbers.mayContinueAddress($0) } ?? end
            return start..<cut
        }
    }
}
