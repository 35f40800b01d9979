import Foundation
import Testing

/// `resume` as an interviewer with several unfinished interviews uses it: it lists them,
/// asks which, says whose it opens; an ended interview is amended only with --reopen.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct ResumeEndToEndTests {
    /// Starts an interview of `candidate`, ticks item 1 and leaves it for later.
    func leave(_ tmux: Tmux, candidate: String, out: String? = nil) throws {
        try tmux.start(["run", "--now", "--candidate", candidate] + (out.map { ["--out", $0] } ?? []), name: candidate)
        try tmux.waitFor("Question 1/15", in: candidate)
        try tmux.command("1", to: candidate)
        try tmux.waitFor("Rubric 1/5", in: candidate)
        try tmux.command("q", to: candidate)
        try tmux.waitFor("The interview is not finished", in: candidate)
        try tmux.send("l", to: candidate)
        #expect(try tmux.waitUntil { try !tmux.isRunning(candidate) })
    }

    @Test func resumeListsTheUnfinishedAndOpensTheOneChosen() throws {
        let tmux = try Tmux()
        try leave(tmux, candidate: "Ada Lovelace")
        Thread.sleep(forTimeInterval: 1.1)  // another second: another file name, a later activity
        let elsewhere = tmux.home.appendingPathComponent("shared-folder/grace.json").path
        try FileManager.default.createDirectory(atPath: (elsewhere as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try leave(tmux, candidate: "Grace Hopper", out: elsewhere)

        try tmux.start(["resume"], name: "resume")
        let list = try tmux.waitFor("Which one?", in: "resume")
        #expect(list.contains("1. Grace Hopper"), "the newest activity first, the --out file remembered:\n\(list)")
        #expect(list.contains("2. Ada Lovelace"))
        #expect(list.contains("at question 1/15") && list.contains("last activity"))
        try tmux.type("2", to: "resume")
        try tmux.send("Enter", to: "resume")
        let screen = try tmux.waitFor("Question 1/15", in: "resume")
        #expect(screen.contains("Ada Lovelace"), "whose interview it is, on the screen:\n\(screen)")
        try tmux.command("q", to: "resume")
        try tmux.waitFor("The interview is not finished", in: "resume")
        try tmux.send("y", to: "resume")
        #expect(try tmux.waitUntil { try !tmux.isRunning("resume") })

        // One left: it says whose it opens, and opens it.
        try tmux.start(["resume"], name: "one", reportExit: true)
        let one = try tmux.waitFor("Question 1/15", in: "one")
        #expect(one.contains("Grace Hopper"))
        try tmux.command("q", to: "one")
        try tmux.waitFor("The interview is not finished", in: "one")
        try tmux.send("y", to: "one")
        let farewell = try tmux.waitFor("exit status 0", in: "one")
        #expect(farewell.contains("Resuming Grace Hopper, started"), "\(farewell)")
    }

    @Test func anEndedInterviewIsAmendedOnlyWithReopenAndTheReportSaysSo() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("ended.json").path
        try tmux.start(["run", "--now", "--candidate", "Ended", "--out", file])
        try tmux.waitFor("Question 1/15")
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        #expect(try tmux.waitUntil { try !tmux.isRunning() })

        let refused = try Binary.run(["resume", file], environment: ["XDG_DATA_HOME": tmux.home.path + "/data"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--reopen"), "\(refused.stderr)")

        try tmux.start(["resume", "--reopen", file], name: "amend")
        try tmux.waitFor("Question 1/15", in: "amend")
        try tmux.command("2", to: "amend")
        try tmux.waitFor("Rubric 1/5", in: "amend")
        try tmux.command("q", to: "amend")
        try tmux.waitFor("The interview is not finished", in: "amend")
        try tmux.send("y", to: "amend")
        #expect(try tmux.waitUntil { try !tmux.isRunning("amend") })
        let report = try Binary.run(["report", file])
        #expect(report.stdout.contains("(amended after the end)"), "\(report.stdout)")
        let session = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let events = (session?["events"] as? [[String: Any]]) ?? []
        #expect(events.contains { $0["type"] as? String == "reopenedAfterEnd" })
        #expect(session?["status"] as? String == "completed")
    }
}
