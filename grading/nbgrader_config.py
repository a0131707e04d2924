# nbgrader settings for the course: copy this file into the course directory (the folder with
# source/, release/, submitted/ ...). scripts/make_student_notebooks.py and
# tests/test_grading_cycle.py use it as it is.
c = get_config()  # noqa: F821 (nbgrader defines get_config)

# An emptied answer cell keeps its `answer = None` line and gets a comment, not a
# `raise NotImplementedError()`: an unanswered question then fails once, in its check cell,
# with "not answered yet" (a function whose body was emptied returns None, which its check
# reports the same way).
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# A student function that runs long (an endless loop) is stopped after two minutes per cell.
c.ExecutePreprocessor.timeout = 120
