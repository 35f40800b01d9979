import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct PracticeEndToEndTests {
    @Test func theKeyStaysHiddenUntilVAndTheAnswerIsSaved() throws {
        let tmux = try Tmux()
        try tmux.start(["practice", "--candidate", "Sam"], width: 100, height: 30)
        let before = try tmux.waitFor("v reveals the answer key")
        #expect(!before.contains("Expected answer") && !before.contains("Rubric"))
        try tmux.send("i")
        try tmux.type("labels or no labels")
        try tmux.send("Escape", "v")
        try tmux.waitFor("Expected answer")
        try tmux.send("1", "r", "3")
        try tmux.waitFor("rated 3: yes")
        try tmux.send("q", "y")
        #expect(tmux.waitUntil { (try? tmux.isRunning()) == false })
        let session = try tmux.onlySession()
        #expect(session["mode"] as? String == "practice")
        let first = try #require((session["questions"] as? [[String: Any]])?.first)
        #expect((first["notes"] as? [[String: Any]])?.first?["text"] as? String == "labels or no labels")
        #expect(first["rating"] as? Int == 3)
    }
}
