import Foundation
import Testing

@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct PanelEndToEndTests {
    /// Two windows, two programs: the lead runs the interview, the second joins its file;
    /// each scores blind, a killed second resumes following, and the debrief waits for both.
    @Test func aSecondFollowsTheLeadScoresBlindAndTheDebriefWaitsForBoth() throws {
        let tmux = try Tmux()
        let lead = tmux.home.appendingPathComponent("lead.json").path
        let second = tmux.home.appendingPathComponent("second.json").path
        let environment = ["XDG_DATA_HOME": tmux.home.path + "/data", "XDG_CONFIG_HOME": tmux.home.path + "/config"]
        try tmux.start(["run", "--now", "--out", lead, "--interviewer", "Ada", "--candidate", "Lin"], name: "lead")
        try tmux.waitFor("Question 1/15", in: "lead")
        try tmux.start(["join", lead, "--interviewer", "Grace", "-o", second], name: "second")
        try tmux.waitFor("following Ada, on question 1", in: "second")
        try tmux.command("1", to: "lead")
        try tmux.command("r", "4", to: "lead")
        try tmux.type("LEADSECRET", to: "lead")
        try tmux.command("r", "2", to: "second")
        try tmux.type("grace remark", to: "second")
        try tmux.waitFor("grace remark", in: "second")
        try tmux.waitFor("LEADSECRET", in: "lead")

        try tmux.command("n", to: "lead")
        try tmux.waitFor("following Ada, on question 2", in: "second", timeout: 2)
        let (secondScreen, leadScreen) = (try tmux.screen("second"), try tmux.screen("lead"))
        #expect(!secondScreen.contains("LEADSECRET") && !secondScreen.contains("[x]"), "the lead's marks on the second's screen")
        #expect(!leadScreen.contains("grace remark"))

        let early = try Binary.run(["debrief", lead], environment: environment)
        #expect(early.status == 2, "stdout: \(early.stdout)")
        #expect(early.stderr.contains("Grace (second): in-progress") && early.stdout.isEmpty)

        // kill -9 of the second loses nothing of either; resumed, it follows the lead again.
        kill(try tmux.programPid("second"), SIGKILL)
        #expect(try tmux.waitUntil { !(try tmux.isRunning("second")) })
        #expect(try tmux.isRunning("lead"))
        try tmux.start(["resume", second], name: "again")
        try tmux.waitFor("following Ada, on question 2", in: "again")

        try tmux.command("q", "y", to: "again")
        try tmux.command("q", "y", to: "lead")
        let ended = try tmux.waitUntil {
            let running = (try tmux.isRunning("again"), try tmux.isRunning("lead"))
            return !running.0 && !running.1
        }
        #expect(ended)
        let debrief = try Binary.run(["debrief", second], environment: environment)
        #expect(debrief.status == 0, "stderr: \(debrief.stderr)")
        #expect(debrief.stdout.hasPrefix("# Panel debrief: Lin\n"))
        #expect(debrief.stdout.contains("| Ada (lead) | 4 strong yes | LEADSECRET |"))
        #expect(debrief.stdout.contains("| Grace (second) | 2 no | grace remark |"))
        #expect(debrief.stdout.contains("(spread 2)"))
    }
}
