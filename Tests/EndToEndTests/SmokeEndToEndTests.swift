import Foundation
import Testing

/// The real binary under each TERM a tmux user has, keys as tmux sends them (`ESC [ 1 ~`
/// for Home, whatever the pane's TERM says): a note typed straight away, edited with Home
/// and End, `Esc 1`, `Esc r 3`, the expected answer paged, Alt-n, `Esc q` `y`, the
/// farewell, and everything saved. The screen's keys in detail are tested in process
/// (InterviewTUITests), through the same decoder and loop.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct SmokeEndToEndTests {
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color"])
    func anInterviewByKeysWhateverTERMSays(term: String) throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Ada", "--interviewer", "Grace"], width: 80, height: 24,
                       environment: ["TERM": term], reportExit: true)
        try tmux.waitFor("Question 1/15")
        // Letters are notes at once: no key opens them.
        try tmux.type("middle")
        try tmux.waitFor("middle")
        try tmux.send("Home")
        try tmux.type("start ")
        try tmux.waitFor("start middle")
        try tmux.send("End")
        try tmux.type(" é 日本 🚀")
        try tmux.send("Enter")
        try tmux.type("second line")
        let typed = try tmux.waitFor("second line")
        #expect(typed.contains("start middle é 日本 🚀") && typed.contains("Rubric 0/5"), "Home or End ticked an item:\n\(typed)")
        try tmux.command("1")
        try tmux.waitFor("Rubric 1/5")
        try tmux.command("r", "3")
        try tmux.waitFor("rated 3: yes")

        // PgDn scrolls the focused pane (the expected answer, focused from the start: it
        // holds more than it shows), PgUp back; typing left the focus where it was.
        try tmux.waitFor("[Expected answer]")
        try tmux.send("PageDown")
        try tmux.waitFor("▲")
        try tmux.send("PageUp")
        #expect(try tmux.waitUntil { try !tmux.screen().contains("▲") }, "PgUp scrolls back to the top")

        try tmux.send("M-n")
        try tmux.waitFor("Question 2/15")
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        // The pane's shell says the exit status, then the terminal's modes: wait for the last.
        let farewell = try tmux.waitFor("terminal: ")
        #expect(farewell.contains("Interview completed. Saved to"), "\(farewell)")
        #expect(farewell.contains("terminal: icanon echo"), "the terminal is back in its normal modes:\n\(farewell)")

        let session = try tmux.onlySession()
        #expect(session["status"] as? String == "completed")
        #expect(session["candidate"] as? String == "Ada")
        #expect(session["endedAt"] is String)
        let questions = try #require(session["questions"] as? [[String: Any]])
        let first = try #require(questions.first)
        let notes = try #require(first["notes"] as? [[String: Any]])
        #expect(notes.map { $0["text"] as? String } == ["start middle é 日本 🚀", "second line"])
        let rubric = try #require(first["rubric"] as? [[String: Any]])
        #expect(rubric.map { $0["checked"] as? Bool } == [true, false, false, false, false])
        #expect(first["rating"] as? Int == 3)
        let events = try #require(session["events"] as? [[String: Any]])
        #expect(events.contains { $0["type"] as? String == "questionOpened" && $0["question"] as? Int == 1 })
        let mode = try FileManager.default.attributesOfItem(atPath: tmux.sessionFiles()[0].path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
