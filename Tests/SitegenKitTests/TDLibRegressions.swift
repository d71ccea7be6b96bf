/// Strings on which the text scanner and Telegram once read differently, kept so they stay fixed.
/// Each is linked by TDLib (`TDLibDifferentialTests` checks that it still is) and was missed or
/// passed by the scanner before it read text the way the apps do. The fuzzer's seed is
/// `TDLibDifferentialTests.seed`.
enum TDLibRegressions {
    static let cases: [String] = [
        // The classes the fuzzer was built from.
        "Ⓐ@evilbot", "a\u{301}@evilbot", "evil.com¹", "evil.comª", "https://egov.kz/…evil.com",
        "https://egov.kz/’evil.com", "https://egov.kz/•evil.com", "https://egov.kz/‹evil.com", "https://egov.kz\\evil.com",
        "x.ton", "evil.za", "evil.xn--p1ai", "tg://resolve?domain=evilbot", "ton://evil", "185.22.64.10/apply",
        "help@185.22.64.10", "/start@evilbot", "$USD@evilbot", "—evil.com", "egov.kz:8080/x", "tonsite://evil.ton/x",
        // Found by the generator (seed 0x5EED_1414_2020_0042 and 7).
        "²@42500.enbek.kz t.me185.22.64.kz", "tonsite://-ға›ªxn--80ao21aKz", "help.com/://$255USD", "t.me/s//-apply",
        "egov.kz?42500.enbek｡com\\", "‹help.рф?start=\u{301}", "egov-kz.com/t․COMevil．COM",
        // Read on through a tab, which a path holds to the app (a browser then drops it).
        "https://t.me/Kenes1414Bot\t/../EvilBot", "https://t.me/Kenes1414Bot\tEvil", "t.me/Kenes1414Bot\t/../EvilBot",
    ]
}
