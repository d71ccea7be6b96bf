import SitegenCore

/// The SMS as a phone's messages app reads it (``SMSNumbers``): which numbers it offers to call, but
/// for official ones and digits inside what it links as an address (``AndroidAddresses``).
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
        SMSNumbers.find(in: text, official: officialPhones)
    }
}
