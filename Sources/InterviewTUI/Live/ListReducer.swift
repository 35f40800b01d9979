import InterviewCore

/// The question list (`Esc g`, its reducer is `QuestionList`'s) and the line of a
/// question of one's own (`Esc +`).
enum ListReducer {
    static func reduce(_ state: inout LiveState, _ action: LiveAction) {
        switch action {
        case .openList:
            QuestionList.open(&state)
        case .list(let action):
            if let question = QuestionList.reduce(&state, action) { LiveReducer.perform(&state, .open(question)) }
        case .openAddQuestion:
            guard state.session.status == .inProgress else { return }
            state.overlay = .addQuestion(text: "")
        case .addText(let text):
            guard case .addQuestion(let typed)? = state.overlay else { return }
            let line = text.replacing("\r\n", with: " ").replacing("\n", with: " ")
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

}
