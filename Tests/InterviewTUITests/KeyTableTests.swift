import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewTUI

/// The key tables are the one source of keys: README's tables are theirs, word for
/// word, and no key of a table is shadowed by another binding of the same table.
@Suite struct KeyTableTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../README.md").standardizedFileURL

    /// Every table of every screen: the registry that README, help and the man page walk.
    static var tables: [(name: String, markdown: String)] {
        KeyTables.all.map { ($0.name, $0.markdown) }
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

    @Test func everyTableHasItsOwnReadmeSectionAndNoSectionIsLeftOver() throws {
        let readme = try String(contentsOf: Self.readme, encoding: .utf8)
        let names = Set(Self.tables.map(\.name))
        #expect(names.count == Self.tables.count, "two tables share a name")
        let sections = readme.components(separatedBy: "<!-- keys: ").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(Set(sections) == names, "README's key sections \(Set(sections).symmetricDifference(names))")
    }

    /// No key of a table is bound twice for the same gesture where both bindings hold
    /// at once: the second would never act, and its help row would lie.
    @Test func noBindingIsShadowed() throws {
        var state = try Live.state()
        let moments: [(String, (inout LiveState) -> Void)] = [
            ("live", { _ in }), ("typing", { Live.type("a", &$0, at: 1) }), ("wrap-up", { Live.command("w", &$0, at: 2) }),
            ("share-safe", { Live.command("s", &$0, at: 3) }), ("practice", { $0.mode = .practice }),
        ]
        for (name, move) in moments {
            move(&state)
            let table = LiveKeys.screen(for: state)
            for gesture in [Gesture.key, .command] {
                var seen: [Key: String] = [:]
                for binding in table.bindings where binding.when(state) {
                    let keys = (binding.gesture == gesture ? binding.keys : []) + (gesture == .key ? binding.direct : [])
                    for key in keys {
                        #expect(seen[key] == nil, "\(name): \(key.label) bound by \(seen[key] ?? "") and \(binding.labels)")
                        seen[key] = seen[key] ?? binding.labels.joined()
                    }
                }
            }
        }
    }

    /// The labels in help and README say the keys that act: a binding's label, given as
    /// keys, does what the binding does.
    @Test func everyLabelIsTheKeysThatWork() throws {
        var state = try Live.state()
        Live.command("n", &state, at: 0.5)
        for binding in LiveKeys.questions.bindings where binding.help != nil && binding.then.isEmpty {
            for key in binding.keys where binding.gesture == .command {
                var pressed = state
                Live.press([.escape, key], &pressed, at: 1)
                #expect(pressed.engine.file.events.count > state.engine.file.events.count || pressed.overlay != nil
                        || pressed.notice != nil || pressed.pending != nil || pressed.session != state.session,
                        "Esc \(key.label) did nothing")
            }
        }
        #expect(LiveKeys.questions.rows().contains { $0.keys == "Esc n  Ctrl-N" })
        #expect(LiveKeys.questions.rows().contains { $0.keys == "Esc r 0–4" })
        #expect(LiveKeys.quit.rows().contains { $0.keys == "n Esc" }, "a capital beside its small letter is listed once")
    }
}
