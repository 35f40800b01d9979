import InterviewKit

/// The question list (`Esc g`) and the line of a question of one's own (`Esc +`).
enum ListReducer {
    static func reduce(_ state: inout LiveState, _ action: LiveAction) {
        switch action {
        case .openList:
            let rows = QuestionList.rows(state)
            state.overlay = .questionList(selection: rows.firstIndex(of: state.session.current) ?? 0, typed: "")
        case .listMove(let step):
            guard case .questionList(let selection, _)? = state.overlay else { return }
            let count = QuestionList.rows(state).count
            state.overlay = .questionList(selection: min(max(0, selection + step), max(0, count - 1)), typed: "")
        case .listType(let digit):
            guard case .questionList(let selection, let typed)? = state.overlay, typed.count < 3 else { return }
            let number = Int(typed + String(digit)) ?? 0
            let count = QuestionList.rows(state).count
            state.overlay = .questionList(selection: (1...max(1, count)).contains(number) ? number - 1 : selection, typed: typed + String(digit))
        case .listErase:
            guard case .questionList(let selection, let typed)? = state.overlay else { return }
            state.overlay = .questionList(selection: selection, typed: String(typed.dropLast()))
        case .listJump:
            guard case .questionList(let selection, _)? = state.overlay else { return }
            jump(&state, to: selection)
        case .listPick(let row):
            guard case .questionList? = state.overlay else { return }
            jump(&state, to: row)
        case .openAddQuestion:
            guard state.session.status == .inProgress else { return }
            state.overlay = .addQuestion(text: "")
        case .addText(let text):
            guard case .addQuestion(let typed)? = state.overlay else { return }
            let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            state.overlay = .addQuestion(text: String((typed + line).prefix(500)))
        case .addErase:
            guard case .addQuestion(let typed)? = state.overlay else { return }
            state.overlay = .addQuestion(text: String(typed.dropLast()))
        case .addConfirm:
            guard case .addQuestion(let typed)? = state.overlay else { return }
            state.overlay = nil
            LiveReducer.perform(&state, .addQuestion(typed))
        default:
            return
        }
    }

    private static func jump(_ state: inout LiveState, to row: Int) {
        let rows = QuestionList.rows(state)
        state.overlay = nil
        guard rows.indices.contains(row) else { return }
        LiveReducer.perform(&state, .open(rows[row]))
    }
}
