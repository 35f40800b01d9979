import Foundation
import Testing
@testable import InterviewKit
@testable import InterviewTUI

/// The key tables are the one source of keys: README's tables are theirs, word for
/// word, and no key of a table is shadowed by another binding of the same table.
@Suite struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardizedFileURL

    static var tables: [(name: String, markdown: String)] {
        [LiveKeys.questions.name: LiveKeys.questions.markdown, LiveKeys.wrapUp.name: LiveKeys.wrapUp.markdown,
         LiveKeys.rating.name: LiveKeys.rating.markdown, LiveKeys.quit.name: LiveKeys.quit.markdown,
         LiveKeys.typing.name: LiveKeys.typing.markdown, LiveKeys.help.name: LiveKeys.help.markdown,
         LiveKeys.practice.name: LiveKeys.practice.markdown, ReplayKeys.table.name: ReplayKeys.table.markdown,
         MirrorKeys.table.name: MirrorKeys.table.markdown, LiveKeys.shareSafe.name: LiveKeys.shareSafe.markdown,
         LiveKeys.shareSafeCommand.name: LiveKeys.shareSafeCommand.markdown,
         LiveKeys.shareSafeTyping.name: LiveKeys.shareSafeTyping.markdown, LiveKeys.discard.name: LiveKeys.discard.markdown,
         LiveKeys.questionList.name: LiveKeys.questionList.markdown, LiveKeys.addQuestion.name: LiveKeys.addQuestion.markdown,
         LiveKeys.followUp.name: LiveKeys.followUp.markdown].sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// README's block between `<!-- keys: NAME -->` and `<!-- /keys -->`.
    static func block(_ name: String, in readme: String) -> Range<String.Index>? {
        guard let start = readme.range(of: "<!-- keys: \(name) -->\n"),
              let end = readme.range(of: "<!-- /keys -->", range: start.upperBound..<readme.endIndex) else { return nil }
        return start.upperBound..<end.lowerBound
    }

    /// `INTERVIEW_RECORD_README=1 swift test --filter KeyTableTests` writes the tables into README.
    @Test func readmeShowsEveryTableAsItIs() throws {
        var readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let record = ProcessInfo.processInfo.environment["INTERVIEW_RECORD_README"] != nil
        for table in Self.tables {
            let range = try #require(Self.block(table.name, in: readme), "README has no <!-- keys: \(table.name) --> block")
            if record {
                readme.replaceSubrange(range, with: table.markdown)
            } else {
                #expect(String(readme[range]) == table.markdown, "README's \(table.name) keys differ from the key table")
            }
        }
        if record { try readme.write(to: Self.readme, atomically: true, encoding: .utf8) }
    }

    @Test func theStatusLineOffersOnlyKeysOfTheTableInForce() throws {
        var state = try Live.state()
        for moment in 0..<6 {
            switch moment {
            case 1: Live.press([.character("i")], &state, at: 1)
            case 2: Live.press([.escape, .character("r")], &state, at: 2)
            case 3: Live.press([.escape, .character("w")], &state, at: 3)
            case 4: Live.press([.character("s")], &state, at: 4)
            case 5: state.practice = true; Live.press([.character("s"), .character("p")], &state, at: 5)
            default: break
            }
            let table = LiveKeys.table(for: state.display)
            for hint in table.hints(in: state.display) where !hint.label.isEmpty {
                let binding = table.bindings.first { $0.hint == hint }
                #expect(binding != nil)
            }
        }
    }

    @Test func helpRowsAreWhatTheKeysDo() {
        // Every listed row of a table names keys that the table binds.
        for table in [LiveKeys.questions, LiveKeys.wrapUp, LiveKeys.practice, LiveKeys.typing, LiveKeys.quit] {
            for binding in table.bindings where binding.help != nil {
                #expect(!binding.keys.isEmpty, "\(table.name): \(binding.label) binds no key")
            }
        }
    }
}
