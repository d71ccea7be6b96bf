extension IDNA {
    /// The UTS #46 processing flags, named as in UTS #46 section 4.
    ///
    /// The default value, ``whatwgURL``, is what the WHATWG URL standard's
    /// "domain to ASCII" uses with `beStrict` false, which is how browsers
    /// read the host of an `href`.
    package struct Options: Hashable, Sendable {
        /// Reject labels with a hyphen at the start or end, or in both the
        /// third and fourth positions.
        package var checkHyphens: Bool
        /// Apply the RFC 5893 bidi rule to labels of a domain that contains
        /// right-to-left characters.
        package var checkBidi: Bool
        /// Apply the RFC 5892 CONTEXTJ rules to ZERO WIDTH JOINER and
        /// ZERO WIDTH NON-JOINER.
        package var checkJoiners: Bool
        /// Restrict ASCII to letters, digits and hyphen (the STD3 host name rules).
        package var useSTD3ASCIIRules: Bool
        /// Map deviation characters (such as ß and ς) the IDNA2003 way instead
        /// of keeping them.
        package var transitionalProcessing: Bool
        /// Reject empty labels, labels over 63 bytes and names over 253 bytes.
        package var verifyDNSLength: Bool

        /// Creates a set of processing flags; every flag must be given.
        package init(
            checkHyphens: Bool,
            checkBidi: Bool,
            checkJoiners: Bool,
            useSTD3ASCIIRules: Bool,
            transitionalProcessing: Bool,
            verifyDNSLength: Bool
        ) {
            self.checkHyphens = checkHyphens
            self.checkBidi = checkBidi
            self.checkJoiners = checkJoiners
            self.useSTD3ASCIIRules = useSTD3ASCIIRules
            self.transitionalProcessing = transitionalProcessing
            self.verifyDNSLength = verifyDNSLength
        }

        /// The flags of the WHATWG URL standard's "domain to ASCII":
        /// CheckHyphens false, CheckBidi true, CheckJoiners true,
        /// UseSTD3ASCIIRules false, nontransitional processing,
        /// VerifyDnsLength false.
        package static let whatwgURL = Options(
            checkHyphens: false,
            checkBidi: true,
            checkJoiners: true,
            useSTD3ASCIIRules: false,
            transitionalProcessing: false,
            verifyDNSLength: false)

        /// The strictest registration-style flags: every check on,
        /// nontransitional processing.
        package static let strict = Options(
            checkHyphens: true,
            checkBidi: true,
            checkJoiners: true,
            useSTD3ASCIIRules: true,
            transitionalProcessing: false,
            verifyDNSLength: true)
    }
}
