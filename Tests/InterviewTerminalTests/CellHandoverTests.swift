import Foundation
import Testing
import InterviewCore
@testable import InterviewTerminal

/// The short way a cell goes to ncurses (`NcursesTerminal.single`) gives ncurses what the
/// long way (`drawable`) gives, for every character it takes.
@Suite struct CellHandoverTests {
    init() { _ = setlocale(LC_CTYPE, "C.UTF-8") }

    static let singles: [Unicode.Scalar] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2500...0x259F]
        .flatMap { $0.compactMap(Unicode.Scalar.init) }

    @Test func eachSingleCharacterGoesAsTheLongWayGivesIt() {
        var taken = 0
        for scalar in Self.singles {
            let text = String(scalar)
            guard let character = NcursesTerminal.single(text) else { continue }
            taken += 1
            let long = NcursesTerminal.drawable(text, width: DisplayWidth.of(text))
            #expect(long.characters == [character, 0] && !long.pad, "U+\(String(scalar.value, radix: 16)): \(long)")
        }
        #expect(taken > Self.singles.count * 9 / 10, "borders, dashes and accented letters take the short way: \(taken)")
    }

    @Test func clustersAndWideCharactersTakeTheLongWay() {
        for text in ["e\u{301}", "日", "🙂", "👍🏽", "\u{2500}\u{301}", "", "ab"] {
            #expect(NcursesTerminal.single(text) == nil, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(NcursesTerminal.single("─") == 0x2500 && NcursesTerminal.single("x") == 0x78)
    }
}
