-- Demo établissements of the embedded run and the tests (H2 and PostgreSQL: standard MERGE).
-- Re-applied whenever this file changes.
merge into school s
using (values ('0801234A', 'Collège Jules Verne', 'Amiens'),
              ('0600045T', 'Lycée Félix Faure', 'Beauvais'),
              ('0020078K', 'Collège Jean Mermoz', 'Laon'),
              ('0801999Z', 'Rectorat de l’académie d’Amiens', 'Amiens')) as demo (uai, name, city)
on s.uai = demo.uai
when matched then update set name = demo.name, city = demo.city
when not matched then insert (uai, name, city) values (demo.uai, demo.name, demo.city);
