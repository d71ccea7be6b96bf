import WHATWGURL
import XCTest

/// IPv4 forms browsers accept, IPv6 parsing and serialisation, and ports.
final class IPAddressAndPortTests: XCTestCase {
    func testIPv4Forms() {
        check([
            URLCase("https://0x7f.1/", .host(.ipv4(loopbackIPv4))),
            URLCase("https://0177.0.0.1/", .host(.ipv4(loopbackIPv4))),
            URLCase("https://2130706433/", .host(.ipv4(loopbackIPv4))),
            URLCase("https://127.1/", .host(.ipv4(loopbackIPv4))),
            URLCase("https://0x7f.0x0.0x0.0x1/", .href("https://127.0.0.1/")),
            URLCase("https://127.0.0.1./", .href("https://127.0.0.1/")),
            URLCase("https://4294967295/", .host(.ipv4(0xFFFF_FFFF))),
            URLCase("https://0x/", .host(.ipv4(0))),
            URLCase("https://1.0x10000/", .href("https://1.1.0.0/")),
        ])
    }

    func testInvalidIPv4Fails() {
        check([
            URLCase("https://999999999999/", .failure),
            URLCase("https://4294967296/", .failure),
            URLCase("https://0x100000000/", .failure),
            URLCase("https://1.2.3.4.5/", .failure),
            URLCase("https://1.2.3.09/", .failure),
            URLCase("https://256.0.0.1/", .failure),
            // A host that ends in a number must be an IPv4 address.
            URLCase("https://foo.09/", .failure),
            URLCase("https://foo.0x/", .failure),
            URLCase("https://foo.1./", .failure),
        ])
    }

    func testNamesThatOnlyLookNumeric() {
        check([
            URLCase("https://1.2.3.4.com/", .host(.domain("1.2.3.4.com"))),
            URLCase("https://0xg/", .host(.domain("0xg"))),
            URLCase("https://09a/", .host(.domain("09a"))),
        ])
    }

    func testIPv6() {
        check([
            URLCase("https://[::1]:443/", .href("https://[::1]/")),
            URLCase("http://[::1]:8080/", .host(.ipv6([0, 0, 0, 0, 0, 0, 0, 1]))),
            URLCase("https://[0:0:0:0:0:ffff:7f00:1]/", .href("https://[::ffff:7f00:1]/")),
            URLCase("https://[::127.0.0.1]/", .href("https://[::7f00:1]/")),
            URLCase("https://[::ffff:192.168.0.1]/", .href("https://[::ffff:c0a8:1]/")),
            URLCase("https://[1:0:0:2:0:0:0:3]/", .href("https://[1:0:0:2::3]/")),
            URLCase("https://[1:2:3:4:5:6:7:8]/", .href("https://[1:2:3:4:5:6:7:8]/")),
            URLCase("https://[ABCD::]/", .href("https://[abcd::]/")),
            URLCase("foo://[::1]/", .host(.ipv6([0, 0, 0, 0, 0, 0, 0, 1]))),
        ])
    }

    func testInvalidIPv6Fails() {
        check([
            URLCase("https://[::1/", .failure),
            URLCase("https://[::1]x/", .failure),
            URLCase("https://[1::2::3]/", .failure),
            URLCase("https://[:1]/", .failure),
            URLCase("https://[1:2:3:4:5:6:7]/", .failure),
            URLCase("https://[1:2:3:4:5:6:7:8:9]/", .failure),
            URLCase("https://[::1.2.3]/", .failure),
            URLCase("https://[::01.2.3.4]/", .failure),
            URLCase("https://[::1%25eth0]/", .failure),
        ])
    }

    func testPorts() {
        check([
            URLCase("https://egov.kz:8080/", .port(8080)),
            URLCase("https://egov.kz:443/", .port(nil)),
            URLCase("https://egov.kz:0443/", .href("https://egov.kz/")),
            URLCase("ws://egov.kz:80/", .port(nil)),
            URLCase("ftp://egov.kz:21/", .href("ftp://egov.kz/")),
            URLCase("foo://egov.kz:80/", .port(80)),
            URLCase("https://egov.kz:/", .href("https://egov.kz/")),
            URLCase("https://egov.kz:65535/", .port(65535)),
            URLCase("https://egov.kz:65536/", .failure),
            URLCase("https://egov.kz:8o/", .failure),
            URLCase("https://egov.kz: 80/", .failure),
        ])
    }

    func testIPv4SerializationOfHostValue() {
        XCTAssertEqual(URLHost.ipv4(0xC0A8_0001).serialized, "192.168.0.1")
    }

    func testIPv6CompressesFirstLongestZeroRun() {
        XCTAssertEqual(URLHost.ipv6([1, 0, 0, 2, 0, 0, 3, 4]).serialized, "[1::2:0:0:3:4]")
    }

    func testIPv6DoesNotCompressASingleZero() {
        XCTAssertEqual(URLHost.ipv6([1, 0, 2, 3, 4, 5, 6, 7]).serialized, "[1:0:2:3:4:5:6:7]")
    }

    func testEffectivePortFallsBackToTheDefault() {
        XCTAssertEqual(URLParser().parse("https://egov.kz/")?.effectivePort, 443)
    }
}
