import Foundation
import Testing

/// The interview as interviewers run it, on the real binary: a plan that does not fit,
/// the list, a question of one's own, a skip, no decision.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct InterviewFlowEndToEndTests {
    @Test func aPlanThatDoesNotFitIsSaidAndNumberedWithinThePlan() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Plan", "--questions", "1,3,7", "--duration", "3m"])
        let first = try tmux.waitFor("Question 1/3")
        #expect(first.contains("The plan does not fit"), "\(first)")
        #expect(first.contains("behind "), "pacing: behind, in words")
        // r shows what a 1 … 4 look like for this question (the bank's ### Ratings).
        try tmux.send("r")
        let anchors = try tmux.waitFor("Rate this answer")
        #expect(anchors.contains("Mixes the two up") && anchors.contains("4 strong yes"), "\(anchors)")
        try tmux.send("Escape")
        try tmux.send("n")
        let second = try tmux.waitFor("Question 2/3")
        #expect(second.contains("bias"), "the bank's third question is the plan's second:\n\(second)")
        try tmux.send("n")
        try tmux.waitFor("Question 3/3")
    }

    @Test func theListASkipAQuestionOfOnesOwnAndNoDecisionReachTheReport() throws {
        let tmux = try Tmux()
        let file = tmux.home.appendingPathComponent("flow.json").path
        try tmux.start(["run", "--candidate", "Flow", "--out", file], reportExit: true)
        try tmux.waitFor("Question 1/15")
        try tmux.send("g")
        try tmux.waitFor("Questions · number or")
        try tmux.send("7", "Enter")
        try tmux.waitFor("Question 7/15")
        try tmux.send("x")
        try tmux.waitFor("· skipped")
        try tmux.send("+")
        try tmux.waitFor("A question of your own")
        try tmux.type("How would you explain drift to a manager?")
        try tmux.send("Enter")
        try tmux.waitFor("Your question 8/16")
        try tmux.send("r")
        try tmux.waitFor("Rate this answer")
        try tmux.send("3")
        try tmux.waitFor("rated 3: yes")
        try tmux.send("i")
        try tmux.type("clear, used an analogy")
        try tmux.send("Escape")
        try tmux.send("w")
        try tmux.waitFor("Overall recommendation")
        try tmux.send("4")
        let reminded = try tmux.waitFor("press r, then 1–4")
        #expect(reminded.contains("none yet"), "a digit alone never recommends")
        try tmux.send("r")
        try tmux.send("d")
        try tmux.waitFor("no decision")
        try tmux.send("e")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("y")
        try tmux.waitFor("exit status 0")

        let report = try Binary.run(["report", file]).stdout
        #expect(report.contains("## Recommendation: no decision"), "\(report)")
        #expect(report.contains("How would you explain drift to a manager? (added during the interview)"))
        #expect(report.contains("clear, used an analogy"))
        #expect(report.contains("(skipped)"))
        for n in 2...6 { #expect(report.contains("| \(n) |") && !report.contains("### \(n). ") || report.contains("(not asked)")) }
        let json = try JSONSerialization.jsonObject(with: Data(Binary.run(["report", file, "--format", "json"]).stdout.utf8)) as? [String: Any]
        let questions = ((json?["sessions"] as? [[String: Any]])?.first?["questions"] as? [[String: Any]]) ?? []
        #expect(questions[1...5].allSatisfy { $0["asked"] as? Bool == false }, "nothing between 1 and 7 counts as asked")
        #expect(questions[6]["skipped"] as? Bool == true)
    }

    @Test func anInterviewThatNeverHappenedIsDiscarded() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--candidate", "Nobody"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        #expect(tmux.sessionFiles().count == 1, "the file exists from the start")
        try tmux.send("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("d")
        try tmux.waitFor("Nothing was recorded")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status 0")
        #expect(farewell.contains("Interview discarded"))
        #expect(tmux.sessionFiles().isEmpty, "its file is gone")
    }
}
