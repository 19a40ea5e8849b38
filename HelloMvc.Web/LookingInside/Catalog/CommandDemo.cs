namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>A command a learner types, and what it prints.</summary>
public sealed record CommandDemo(string Command, string Prints);
