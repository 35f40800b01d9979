import ArgumentParser
import InterviewKit

struct Banks: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "banks", abstract: "List the built-in question banks.")

    func run() throws {
        for name in BankLoader.builtinNames {
            let bank = try BankLoader.load(name)
            print("\(name)\t\(bank.questions.count) questions\t\(Durations.format(bank.durationSeconds))\t\(VisibleText.visible(bank.title))")
        }
    }
}

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check question banks: prints title, question count and time budget; exit 2 on any error.")

    @Argument(help: "Bank files or built-in bank names.")
    var banks: [String]

    func run() throws {
        var failed = false
        for reference in banks {
            do {
                let bank = try BankLoader.load(reference)
                let budget = Durations.format(bank.totalBudgetSeconds)
                print("\(VisibleText.visible(reference)): \(VisibleText.visible(bank.title)): \(bank.questions.count) questions, \(budget) of question time for a \(Durations.format(bank.durationSeconds)) interview")
            } catch {
                printError(error.description)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
