namespace HelloMvc.Web.Classes;

/// <summary>The start page: the title typed so far and why a start was refused; why a code typed to join was refused.</summary>
public sealed record ClassIndexPage(string? Title = null, string? StartRefusal = null, string? JoinRefusal = null);

/// <summary>A class's join page: its code and title, the name typed so far, and why a join was refused.</summary>
public sealed record JoinPage(JoinCode Code, string Title, string? Name = null, string? Refusal = null);

/// <summary>The teacher's page: the grid, and the key for another device on the one page that may show it.</summary>
public sealed record TeacherPage(ClassGrid Grid, string? KeyShownOnce);

/// <summary>A row's remove button: the class, and the student's number (never its learner id) and name.</summary>
public sealed record RemoveStudent(string Code, int Number, string Name);
