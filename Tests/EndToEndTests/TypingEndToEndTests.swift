import Foundation
import Testing

/// Prose typed into the real binary as a person types it (a key at a time, and with a
/// pause after a first letter that was a command before typing-first), in live mode, in
/// share-safe and in wrap-up: every key is text, only `Esc` gives a command, and the shared
/// screen never shows a word of the answer key or the notes. The same at every speed, in
/// process: TypingSafetyTests.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct TypingEndToEndTests {
    /// Types `text` a key at a time, `gap` seconds apart, with `pause` seconds after the
    /// first key; `check` reads the screen after each key.
    func slowly(_ tmux: Tmux, _ text: String, gap: Double, pause: Double = 0, check: ((String) throws -> Void)? = nil) throws {
        for (n, character) in text.enumerated() {
            try tmux.type(String(character))
            Thread.sleep(forTimeInterval: n == 0 ? max(gap, pause) : gap)
            if let check { try check(try tmux.screen()) }
        }
    }

    @Test func proseIsTextWhateverItsFirstLetterAndOnlyEscCommands() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("typed.json").path
        try tmux.start(["run", "--now", "--candidate", "Typist", "--out", file], reportExit: true)
        try tmux.waitFor("Question 1/15")

        // Live: n, a pause, the rest; then a burst; neither moves on, rates or quits.
        try slowly(tmux, "nice answer, query planner yes", gap: 0.1, pause: 1)
        try tmux.waitFor("nice answer, query planner yes")
        try tmux.send("Enter")
        try tmux.type("r3n quick rate 4 end q")
        let live = try tmux.waitFor("r3n quick rate 4 end q")
        #expect(live.contains("Question 1/15") && !live.contains("Quit?") && !live.contains("not finished")
                && !live.contains("Wrap-up") && live.contains("not rated"), "\(live)")

        // Share-safe: every word goes into the hidden notes, and the screen stays safe.
        try tmux.command("s")
        try tmux.waitFor("SHARE-SAFE")
        let forbidden = ["Expected answer", "Why ask", "How to evaluate", "Rubric", "labeled", "nice answer", "query planner",
                         "strong yes", "Notes", "solid"]
        func safe(_ screen: String) throws {
            for word in forbidden { #expect(!screen.contains(word), "the shared screen showed '\(word)':\n\(screen)") }
            #expect(screen.contains("SHARE-SAFE"), "share-safe was left:\n\(screen)")
        }
        try slowly(tmux, "solid answer, quite right: so yes", gap: 0.08, pause: 1, check: safe)
        try tmux.type("sure, show me the rubric 4")
        try tmux.waitFor("typing hidden")
        try safe(try tmux.screen())
        try tmux.command("s")
        try tmux.waitFor("Expected answer")

        // Wrap-up: prose goes into the closing notes, no recommendation.
        try tmux.command("w")
        try tmux.waitFor("Overall recommendation")
        try slowly(tmux, "yes strong hire 4 each", gap: 0.12, pause: 1)
        let wrapUp = try tmux.waitFor("yes strong hire 4 each")
        #expect(wrapUp.contains("none yet") && !wrapUp.contains("not finished"), "\(wrapUp)")

        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        try tmux.waitFor("exit status 0")
        let session = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        #expect(session?["status"] as? String == "completed")
        #expect(session?["recommendation"] == nil || session?["recommendation"] is NSNull)
        let questions = try #require(session?["questions"] as? [[String: Any]])
        #expect(questions.allSatisfy { $0["rating"] == nil || $0["rating"] is NSNull })
        let notes = ((questions[0]["notes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(notes == ["nice answer, query planner yes", "r3n quick rate 4 end q",
                          "solid answer, quite right: so yessure, show me the rubric 4"], "\(notes)")
        let closing = ((session?["closingNotes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(closing == ["yes strong hire 4 each"])
    }
}
