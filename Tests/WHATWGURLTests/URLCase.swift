import WHATWGURL
import XCTest

/// What one table row asserts about the parse of its input: a single subject
/// per row, so a failure names exactly one wrong component.
enum Expectation {
    case failure
    case href(String)
    case scheme(String)
    case username(String)
    case password(String)
    case host(URLHost?)
    case port(Int?)
    case path(URLPath)
    case query(String?)
    case fragment(String?)
}

/// One row of a parsing table: an input, an optional base URL string, and the
/// expectation.
struct URLCase {
    let input: String
    let base: String?
    let expectation: Expectation
    let line: UInt

    init(_ input: String, base: String? = nil, _ expectation: Expectation, line: UInt = #line) {
        self.input = input
        self.base = base
        self.expectation = expectation
        self.line = line
    }
}

/// Runs every row of `cases`, reporting failures at the row's own line.
func check(_ cases: [URLCase], parser: URLParser = URLParser(), file: StaticString = #filePath) {
    for row in cases {
        var base: URLRecord? = nil
        if let baseString = row.base {
            guard let parsedBase = parser.parse(baseString) else {
                XCTFail("base \(baseString) failed to parse", file: file, line: row.line)
                continue
            }
            base = parsedBase
        }
        let url = parser.parse(row.input, base: base)
        let label = "input \(row.input.debugDescription)"
        if case .failure = row.expectation {
            XCTAssertNil(url, "\(label) should fail, got \(url?.href ?? "")", file: file, line: row.line)
            continue
        }
        guard let url else {
            XCTFail("\(label) failed to parse", file: file, line: row.line)
            continue
        }
        switch row.expectation {
        case .failure: break
        case .href(let href): XCTAssertEqual(url.href, href, label, file: file, line: row.line)
        case .scheme(let scheme): XCTAssertEqual(url.scheme, scheme, label, file: file, line: row.line)
        case .username(let name): XCTAssertEqual(url.username, name, label, file: file, line: row.line)
        case .password(let password): XCTAssertEqual(url.password, password, label, file: file, line: row.line)
        case .host(let host): XCTAssertEqual(url.host, host, label, file: file, line: row.line)
        case .port(let port): XCTAssertEqual(url.port, port, label, file: file, line: row.line)
        case .path(let path): XCTAssertEqual(url.path, path, label, file: file, line: row.line)
        case .query(let query): XCTAssertEqual(url.query, query, label, file: file, line: row.line)
        case .fragment(let fragment): XCTAssertEqual(url.fragment, fragment, label, file: file, line: row.line)
        }
    }
}

/// 127.0.0.1 as the parser stores it.
let loopbackIPv4: UInt32 = 0x7F00_0001
