-- Demo établissements of the embedded run and the tests (H2 and PostgreSQL: standard MERGE), as the national
-- directory of schools would give them (production imports that directory at /admin/etablissements).
-- Re-applied whenever this file changes.
merge into school s
using (values ('0801234A', 'Collège Jules Verne', 'Collège', 'Amiens'),
              ('0600045T', 'Lycée Félix Faure', 'Lycée', 'Beauvais'),
              ('0020078K', 'Collège Jean Mermoz', 'Collège', 'Laon'),
              ('0801999Z', 'Rectorat de l’académie d’Amiens', 'Service Administratif', 'Amiens')) as demo (uai, name, kind, city)
on s.uai = demo.uai
when matched then update set name = demo.name, kind = demo.kind, city = demo.city
when not matched then insert (uai, name, kind, city) values (demo.uai, demo.name, demo.kind, demo.city);
