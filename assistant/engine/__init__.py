"""The assistant engine: one turn (route -> tools -> answer with sources), name resolution, threads, rendering."""
