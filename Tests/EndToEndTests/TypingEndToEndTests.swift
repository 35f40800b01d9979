import Foundation
import Testing

/// Prose typed with the notes closed, as a person types it (a key at a time, 50–150 ms
/// apart) and as a burst, in live mode, in share-safe and in wrap-up: the interview goes
/// on, share-safe stays on, nothing is rated or recommended, the words are in the notes,
/// and the shared screen never shows a word of the answer key or the notes.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct TypingEndToEndTests {
    /// Types `text` a key at a time, `gap` seconds apart; `check` reads the screen after each key.
    func slowly(_ tmux: Tmux, _ text: String, gap: Double, check: ((String) throws -> Void)? = nil) throws {
        for character in text {
            try tmux.type(String(character))
            Thread.sleep(forTimeInterval: gap)
            if let check { try check(try tmux.screen()) }
        }
    }

    @Test func proseWithTheNotesClosedNeverEndsLeaksOrRates() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("typed.json").path
        try tmux.start(["run", "--candidate", "Typist", "--out", file], reportExit: true)
        try tmux.waitFor("Question 1/15")

        // Live, the notes closed: a key at a time, then a burst.
        try slowly(tmux, "well explained, query planner yes", gap: 0.1)
        let live = try tmux.waitFor("query planner yes")
        #expect(live.contains("Question 1/15") && !live.contains("Quit?") && !live.contains("Wrap-up"), "\(live)")
        try tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.type("nice quick rate 4 end")
        try tmux.waitFor("nice quick rate 4 end")
        try tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.5)

        // Share-safe: every word goes into the hidden notes, and the screen stays safe.
        try tmux.send("s")
        try tmux.waitFor("SHARE-SAFE")
        let forbidden = ["Expected answer", "Why ask", "How to evaluate", "Rubric", "labeled", "well explained", "query planner",
                         "strong yes", "Notes", "solid"]
        func safe(_ screen: String) throws {
            for word in forbidden { #expect(!screen.contains(word), "the shared screen showed '\(word)':\n\(screen)") }
            #expect(screen.contains("SHARE-SAFE"), "share-safe was left:\n\(screen)")
        }
        try slowly(tmux, "solid answer, quite right: so yes", gap: 0.08, check: safe)
        try tmux.type("sure, show me the rubric 4")
        Thread.sleep(forTimeInterval: 0.8)
        try safe(try tmux.screen())
        try tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.send("s")
        try tmux.waitFor("Expected answer")

        // Wrap-up: prose goes into the closing notes, no recommendation.
        try tmux.send("w")
        try tmux.waitFor("Overall recommendation")
        Thread.sleep(forTimeInterval: 0.5)
        try slowly(tmux, "yes strong hire 4 each", gap: 0.12)
        try tmux.waitFor("yes strong hire 4 each")
        try tmux.send("Escape")
        let wrapUp = try tmux.waitFor("none yet")
        #expect(!wrapUp.contains("Quit?"))

        try tmux.send("q")
        try tmux.waitFor("The interview is not finished")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.send("y")
        try tmux.waitFor("exit status 0")
        let session = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        #expect(session?["status"] as? String == "completed")
        #expect(session?["recommendation"] == nil || session?["recommendation"] is NSNull)
        let questions = try #require(session?["questions"] as? [[String: Any]])
        #expect(questions.allSatisfy { $0["rating"] == nil || $0["rating"] is NSNull })
        let notes = ((questions[0]["notes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(notes == ["well explained, query planner yes", "nice quick rate 4 end", "solid answer, quite right: so yessure, show me the rubric 4"],
                "\(notes)")
        let closing = ((session?["closingNotes"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(closing == ["yes strong hire 4 each"])
    }
}
