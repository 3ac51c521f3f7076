<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupPanel</name>
    <message numerus="yes">
        <source>Migrations pending: %n. Up takes a backup of the prod database before applying them.</source>
        <translation>
            <numerusform>Migration pending: %n. Up takes a backup of the prod database before applying it.</numerusform>
            <numerusform>Migrations pending: %n. Up takes a backup of the prod database before applying them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Migrations pending: %n. Up applies them.</source>
        <translation>
            <numerusform>Migration pending: %n. Up applies it.</numerusform>
            <numerusform>Migrations pending: %n. Up applies them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Migrations applied: %n; none pending.</source>
        <translation>
            <numerusform>Migration applied: %n; none pending.</numerusform>
            <numerusform>Migrations applied: %n; none pending.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailText</name>
    <message numerus="yes">
        <source>… %Ln more byte(s) not shown
</source>
        <translation>
            <numerusform>… %Ln more byte not shown
</numerusform>
            <numerusform>… %Ln more bytes not shown
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>
… %Ln more character(s) not shown (Copy value copies all of it)</source>
        <translation>
            <numerusform>
… %Ln more character not shown (Copy value copies all of it)</numerusform>
            <numerusform>
… %Ln more characters not shown (Copy value copies all of it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln character</numerusform>
            <numerusform>%Ln characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EdgeCertificate</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageWork</name>
    <message numerus="yes">
        <source>Removed %n working container(s) that Podman&apos;s builder left behind.</source>
        <translation>
            <numerusform>Removed %n working container that Podman&apos;s builder left behind.</numerusform>
            <numerusform>Removed %n working containers that Podman&apos;s builder left behind.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Migrations to apply to the prod database: %n. A backup of it is taken first; if a migration fails, web keeps its previous image and the backup brings the data back.</source>
        <translation>
            <numerusform>Migration to apply to the prod database: %n. A backup of it is taken first; if the migration fails, web keeps its previous image and the backup brings the data back.</numerusform>
            <numerusform>Migrations to apply to the prod database: %n. A backup of it is taken first; if a migration fails, web keeps its previous image and the backup brings the data back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewStack</name>
    <message numerus="yes">
        <source>Copied %n file(s) of the template.</source>
        <translation>
            <numerusform>Copied %n file of the template.</numerusform>
            <numerusform>Copied %n files of the template.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SwarmPanel</name>
    <message numerus="yes">
        <source>Swarm manager (%n node(s)). %1 is not deployed: Deploy pushes the web image and starts it.</source>
        <translation>
            <numerusform>Swarm manager (%n node). %1 is not deployed: Deploy pushes the web image and starts it.</numerusform>
            <numerusform>Swarm manager (%n nodes). %1 is not deployed: Deploy pushes the web image and starts it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Swarm manager (%n node(s)). Stack %1, from this folder&apos;s compose/docker-compose.swarm.yml.</source>
        <translation>
            <numerusform>Swarm manager (%n node). Stack %1, from this folder&apos;s compose/docker-compose.swarm.yml.</numerusform>
            <numerusform>Swarm manager (%n nodes). Stack %1, from this folder&apos;s compose/docker-compose.swarm.yml.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>db::CatalogModel</name>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 row</numerusform>
            <numerusform>%1 rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%1 row(s)</source>
        <translation>
            <numerusform>~%1 row</numerusform>
            <numerusform>~%1 rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>db::TableModel</name>
    <message numerus="yes">
        <source>%n change(s) in one transaction</source>
        <translation>
            <numerusform>%n change in one transaction</numerusform>
            <numerusform>%n changes in one transaction</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbui::SqlConsole</name>
    <message numerus="yes">
        <source>%1 — %L2 row(s) affected</source>
        <translation>
            <numerusform>%1 — %L2 row affected</numerusform>
            <numerusform>%1 — %L2 rows affected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>first %Ln row(s) (the console keeps at most %L1; Export CSV writes them all)</source>
        <translation>
            <numerusform>first %Ln row (the console keeps at most %L1; Export CSV writes them all)</numerusform>
            <numerusform>first %Ln rows (the console keeps at most %L1; Export CSV writes them all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) (more on scroll)</source>
        <translation>
            <numerusform>%Ln row (more on scroll)</numerusform>
            <numerusform>%Ln rows (more on scroll)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbui::TableBrowser</name>
    <message numerus="yes">
        <source>%1 has exactly %L2 row(s).</source>
        <translation>
            <numerusform>%1 has exactly %L2 row.</numerusform>
            <numerusform>%1 has exactly %L2 rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in view</source>
        <translation>
            <numerusform>%Ln row in view</numerusform>
            <numerusform>%Ln rows in view</numerusform>
        </translation>
    </message>
</context>
</TS>
