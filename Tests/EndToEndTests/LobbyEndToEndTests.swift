import Foundation
import Testing

/// The start screen of the real binary: what the first run on a fresh home shows, and
/// that nothing reaches the disk before Enter.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct LobbyEndToEndTests {
    /// Everything the program keeps (sessions, known sessions, locks) is under it.
    func data(_ tmux: Tmux) -> String { tmux.home.appendingPathComponent("data").path }

    @Test func theFirstRunShowsTheStartScreenAndWritesNothingBeforeEnter() throws {
        let tmux = try Tmux()
        try tmux.start([], width: 80, height: 24, reportExit: true)
        let lobby = try tmux.waitFor("New interview")
        #expect(lobby.contains("Interviewer") && lobby.contains("Plan: 15 questions"), "\(lobby)")
        #expect(!lobby.contains("Total 00:"), "no clock before Enter")
        try tmux.type("Ada Lovelace")
        try tmux.waitFor("Candidate    Ada Lovelace")
        #expect(!FileManager.default.fileExists(atPath: data(tmux)), "nothing written while the start screen is up")
        try tmux.send("Enter")
        // The name typed is the candidate's, beside the question on the live screen.
        let live = try tmux.waitFor("Ada Lovelace · not rated")
        #expect(live.contains("Question 1/15"))
        try tmux.command("q", "y")
        try tmux.waitFor("exit status 0")
        let session = try tmux.onlySession()
        #expect(session["candidate"] as? String == "Ada Lovelace")
    }

    @Test func leavingTheStartScreenLeavesNothingOnDisk() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Bo"], reportExit: true)
        try tmux.waitFor("Candidate    Bo")
        try tmux.command("q")
        let after = try tmux.waitFor("exit status 0")
        #expect(after.contains("No interview started: nothing was written."), "\(after)")
        #expect(!FileManager.default.fileExists(atPath: data(tmux)), "no session, no known-sessions entry, no lock")
    }
}
