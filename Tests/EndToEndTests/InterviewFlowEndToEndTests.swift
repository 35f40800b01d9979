import Foundation
import Testing

/// The interview as interviewers run it, on the real binary: a plan given on the command
/// line that does not fit, an interview discarded (its file removed). The list, a skip, a
/// question of one's own and no decision, by bytes in process: InterviewBytesTests.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "tmux is not installed: end-to-end tests of the screen skipped"))
struct InterviewFlowEndToEndTests {
    @Test func aPlanThatDoesNotFitIsSaidAndNumberedWithinThePlan() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Plan", "--questions", "1,3,7", "--duration", "3m"])
        let first = try tmux.waitFor("Question 1/3")
        #expect(first.contains("The plan does not fit"), "\(first)")
        #expect(first.contains("behind "), "pacing: behind, in words")
        // Esc r shows what a 1 … 4 look like for this question (the bank's ### Ratings).
        try tmux.command("r")
        let anchors = try tmux.waitFor("Rate this answer")
        #expect(anchors.contains("Mixes the two up") && anchors.contains("4 strong yes"), "\(anchors)")
        try tmux.send("Escape")
        #expect(try tmux.waitUntil { try !tmux.screen().contains("Rate this answer") }, "Esc closes the prompt")
        try tmux.command("n")
        let second = try tmux.waitFor("Question 2/3")
        #expect(second.contains("bias"), "the bank's third question is the plan's second:\n\(second)")
        try tmux.send("C-n")
        try tmux.waitFor("Question 3/3")
    }

    @Test func anInterviewThatNeverHappenedIsDiscarded() throws {
        let tmux = try Tmux()
        try tmux.start(["run", "--now", "--candidate", "Nobody"], reportExit: true)
        try tmux.waitFor("Question 1/15")
        #expect(tmux.sessionFiles().count == 1, "the file exists from the start")
        try tmux.command("q")
        try tmux.waitFor("The interview is not finished")
        try tmux.send("d")
        try tmux.waitFor("Nothing was recorded")
        try tmux.send("y")
        let farewell = try tmux.waitFor("exit status 0")
        #expect(farewell.contains("Interview discarded"))
        #expect(tmux.sessionFiles().isEmpty, "its file is gone")
    }
}
