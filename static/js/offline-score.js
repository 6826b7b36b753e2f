/* Quiz scoring in the browser, for lessons answered offline. The same rules as the server's
 * courses/quiz.py (quiz_score), checked against the same cases on both sides
 * (tests/courses/test_offline_quiz_cases.json):
 * - a question is right when the options chosen are exactly the right ones; a single-answer
 *   question needs exactly one; choices that do not exist are ignored; no right option, never right;
 * - passed when score * 100 >= pass mark * number of questions (and there is a question).
 * quiz: {pass_mark_percent, questions: [{multiple, options, correct: [indexes]}]}
 * answers: {"0": [indexes], ...} */
(function (root) {
  "use strict";

  function offlineQuizScore(quiz, answers) {
    var questions = (quiz && quiz.questions) || [];
    var score = 0;
    questions.forEach(function (question, index) {
      var count = question.options || 0;
      var chosen = [];
      var given = (answers && (answers[index] || answers[String(index)])) || [];
      given.forEach(function (choice) {
        if (typeof choice === "number" && choice % 1 === 0 && choice >= 0 && choice < count &&
            chosen.indexOf(choice) === -1) {
          chosen.push(choice);
        }
      });
      var right = (question.correct || []).filter(function (choice) {
        return choice >= 0 && choice < count;
      });
      var same = right.length > 0 && right.length === chosen.length &&
        right.every(function (choice) { return chosen.indexOf(choice) !== -1; });
      if (same && (question.multiple || chosen.length === 1)) {
        score += 1;
      }
    });
    var total = questions.length;
    var mark = parseInt(quiz && quiz.pass_mark_percent, 10) || 0;
    return { score: score, total: total, passed: total > 0 && score * 100 >= mark * total };
  }

  root.offlineQuizScore = offlineQuizScore;
})(typeof self !== "undefined" ? self : this);
