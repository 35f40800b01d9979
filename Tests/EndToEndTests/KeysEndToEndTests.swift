import Foundation
import Testing

/// Editing and paging keys as tmux sends them (`ESC [ 1 ~` for Home, `ESC [ 4 ~` for
/// End, whatever the pane's TERM says), under each TERM a tmux user has: they do what
/// they say, and never stop typing, tick an item or recommend.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct KeysEndToEndTests {
    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color"])
    func homeEndAndPagingWorkWhateverTERMSays(term: String) throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Keys"], width: 80, height: 24, environment: ["TERM": term], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.send("i")
        try tmux.waitFor("typing")
        try tmux.type("middle")
        try tmux.waitFor("middle")
        try tmux.send("Home")
        try tmux.type("start ")
        try tmux.waitFor("start middle")
        try tmux.send("End")
        try tmux.type(" end")
        let typed = try tmux.waitFor("start middle end")
        #expect(typed.contains("Rubric 0/5"), "Home or End ticked an item:\n\(typed)")
        try tmux.send("Escape")
        #expect(try tmux.waitUntil { try !tmux.screen().contains("✎ typing") }, "Esc stops typing")

        // PgDn scrolls the focused pane (the expected answer, which holds more than it shows), PgUp back.
        try tmux.send("BTab", "BTab", "BTab")
        try tmux.waitFor("[Expected answer]")
        try tmux.send("PageDown")
        let down = try tmux.waitFor("▲")
        #expect(down.contains("Question 1/15"))
        try tmux.send("PageUp")
        #expect(try tmux.waitUntil { try !tmux.screen().contains("▲") }, "PgUp scrolls back to the top")

        // In wrap-up, End and Home are no digits: nothing is recommended.
        try tmux.send("w")
        try tmux.waitFor("Overall recommendation")
        try tmux.send("End", "Home", "Insert", "Delete", "F2")
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.send("p")
        try tmux.waitFor("Question 1/15")
        try tmux.send("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        try tmux.waitFor("exit status 0")
        let session = try tmux.onlySession()
        #expect(session["recommendation"] == nil || session["recommendation"] is NSNull, "End in wrap-up recommended")
        let question = try #require((session["questions"] as? [[String: Any]])?.first)
        let notes = question["notes"] as? [[String: Any]]
        #expect(notes?.map { $0["text"] as? String } == ["start middle end"])
        let ticked = (question["rubric"] as? [[String: Any]])?.filter { $0["checked"] as? Bool == true }
        #expect(ticked?.isEmpty == true)
    }
}
