namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the type that records' init accessors name; the compiler only needs it to exist.
internal static class IsExternalInit;
