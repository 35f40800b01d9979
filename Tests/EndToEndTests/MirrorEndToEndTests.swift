import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct MirrorEndToEndTests {
    @Test func theMirrorFollowsTheLiveSessionWithinASecondAndNeverShowsANote() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("live.json").path
        try tmux.start(["mirror", file], name: "mirror", width: 100, height: 30)
        try tmux.waitFor("not there yet", in: "mirror")
        try tmux.start(["run", "--now", "--out", file], name: "live")
        try tmux.waitFor("Question 1/15", in: "live")
        try tmux.waitFor("Question 1", in: "mirror", timeout: 2)
        try tmux.command("1", to: "live")
        try tmux.type("secret remark about the candidate", to: "live")
        try tmux.waitFor("secret remark about the candidate", in: "live")
        try tmux.waitFor("Rubric 1/5", in: "live")

        let started = Date()
        try tmux.command("n", to: "live")
        try tmux.waitFor("Question 2", in: "mirror", timeout: 3)
        let lag = Date().timeIntervalSince(started)
        #expect(lag < 1.0, "the mirror followed after \(lag) s")
        let mirror = try tmux.screen("mirror")
        #expect(mirror.contains("What is overfitting"))
        for secret in ["secret remark", "Rubric", "Expected answer", "Notes", "[x]", "rated"] {
            #expect(!mirror.contains(secret), "the mirror shows \(secret)")
        }
        try tmux.command("q", "y", to: "live")
        try tmux.waitFor("The interview has ended", in: "mirror", timeout: 3)
        try tmux.send("q", to: "mirror")
    }
}
