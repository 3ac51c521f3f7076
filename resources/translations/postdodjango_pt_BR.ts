<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR" sourcelanguage="en">
<context>
    <name>ActivityPanel</name>
    <message>
        <source>Activit&amp;y</source>
        <translation>&amp;Histórico</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Tarefas</translation>
    </message>
    <message>
        <source>Output of the selected job</source>
        <translation>Saída da tarefa selecionada</translation>
    </message>
</context>
<context>
    <name>ApiVersion</name>
    <message>
        <source>The engine did not report an API version in /_ping; is this really a Docker or Podman socket?</source>
        <translation>O engine não informou uma versão de API em /_ping; isto é mesmo um socket do Docker ou do Podman?</translation>
    </message>
    <message>
        <source>The engine reported an unreadable API version &quot;%1&quot;.</source>
        <translation>O engine informou uma versão de API ilegível &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The Docker Engine speaks API %1, but PostDoDjango needs %2 or newer (Docker 20.10+). Please update Docker.</source>
        <translation>O Docker Engine fala a API %1, mas o PostDoDjango precisa da %2 ou mais nova (Docker 20.10+). Atualize o Docker.</translation>
    </message>
</context>
<context>
    <name>BackupEntry</name>
    <message>
        <source>not an object</source>
        <translation>não é um objeto</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>before migrating</source>
        <translation>antes de migrar</translation>
    </message>
    <message>
        <source>before upgrading PostgreSQL</source>
        <translation>antes de atualizar o PostgreSQL</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>no sidecar</source>
        <translation>sem arquivo auxiliar</translation>
    </message>
    <message>
        <source>damaged</source>
        <translation>danificado</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>não verificado</translation>
    </message>
    <message>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Feito em</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>Migrações</translation>
    </message>
    <message>
        <source>Checksum</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Arquivo</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <source>Backup progress</source>
        <translation>Progresso do backup</translation>
    </message>
    <message>
        <source>Django migrations</source>
        <translation>Migrações do Django</translation>
    </message>
    <message>
        <source>Back up n&amp;ow</source>
        <translation>&amp;Fazer backup agora</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Dele&amp;te…</source>
        <translation>E&amp;xcluir…</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>Mos&amp;trar na pasta</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancelar</translation>
    </message>
    <message>
        <source>Refresh &amp;migrations</source>
        <translation>Atualizar &amp;migrações</translation>
    </message>
    <message>
        <source>Upgrade PostgreS&amp;QL…</source>
        <translation>Atualizar PostgreS&amp;QL…</translation>
    </message>
    <message>
        <source>A pg_dump of this mode&apos;s database into the backups folder</source>
        <translation>Um pg_dump do banco deste modo na pasta de backups</translation>
    </message>
    <message>
        <source>Replace this mode&apos;s database with the selected backup (web is stopped meanwhile)</source>
        <translation>Substituir o banco deste modo pelo backup selecionado (o web fica parado enquanto isso)</translation>
    </message>
    <message>
        <source>Check the selected backup&apos;s checksum and read it whole</source>
        <translation>Conferir o checksum do backup selecionado e lê-lo por inteiro</translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation>Excluir backup</translation>
    </message>
    <message>
        <source>Could not delete %1: %2</source>
        <translation>Não foi possível excluir %1: %2</translation>
    </message>
    <message>
        <source>No backups of %1-%2 yet (they go to %3).</source>
        <translation>Ainda não há backups de %1-%2 (eles vão para %3).</translation>
    </message>
    <message>
        <source>Backups of %1-%2 in %3, newest first:</source>
        <translation>Backups de %1-%2 em %3, do mais novo ao mais antigo:</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>Ainda não lido.</translation>
    </message>
    <message>
        <source>Could not read the migrations: %1</source>
        <translation>Não foi possível ler as migrações: %1</translation>
    </message>
    <message>
        <source>Model changes without a migration in %1: prod refuses to start until they are made (makemigrations in dev) and built into the image.</source>
        <translation>Mudanças nos models sem migração em %1: o prod se recusa a iniciar até que elas sejam criadas (makemigrations no dev) e incluídas na imagem.</translation>
    </message>
    <message numerus="yes">
        <source>Migrations pending: %n. Up takes a backup of the prod database before applying them.</source>
        <translation>
            <numerusform>Migração pendente: %n. O Subir faz um backup do banco de prod antes de aplicá-la.</numerusform>
            <numerusform>Migrações pendentes: %n. O Subir faz um backup do banco de prod antes de aplicá-las.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Migrations pending: %n. Up applies them.</source>
        <translation>
            <numerusform>Migração pendente: %n. O Subir a aplica.</numerusform>
            <numerusform>Migrações pendentes: %n. O Subir as aplica.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Migrations applied: %n; none pending.</source>
        <translation>
            <numerusform>Migração aplicada: %n; nenhuma pendente.</numerusform>
            <numerusform>Migrações aplicadas: %n; nenhuma pendente.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1: concluído.</translation>
    </message>
    <message>
        <source>%1: cancelled; nothing was kept of it.</source>
        <translation>%1: cancelado; nada dele foi mantido.</translation>
    </message>
    <message>
        <source>The %1 database was made by an older PostgreSQL than %2 runs, so it cannot start. The upgrade backs it up, restores it into a new volume with %2, checks that every table has the same rows, then switches; the old data stays in a volume of its own.</source>
        <translation>O banco %1 foi criado por um PostgreSQL mais antigo que o de %2, então não consegue iniciar. A atualização faz um backup, restaura-o num volume novo com %2, confere se cada tabela tem as mesmas linhas e só então troca; os dados antigos ficam num volume próprio.</translation>
    </message>
    <message>
        <source>Upgrade the %1 database to %2? Web is stopped while it runs; this takes about as long as a backup and a restore.</source>
        <translation>Atualizar o banco %1 para %2? O web fica parado enquanto isso; leva mais ou menos o tempo de um backup e uma restauração.</translation>
    </message>
    <message>
        <source>Upgrade PostgreSQL (prod)</source>
        <translation>Atualizar PostgreSQL (prod)</translation>
    </message>
    <message>
        <source>&amp;Upgrade the database</source>
        <translation>At&amp;ualizar o banco</translation>
    </message>
    <message>
        <source>Upgrade PostgreSQL (%1)</source>
        <translation>Atualizar PostgreSQL (%1)</translation>
    </message>
    <message>
        <source>Restore prod</source>
        <translation>Restaurar prod</translation>
    </message>
    <message>
        <source>Restoring %1 replaces the whole prod database of %2 with the backup&apos;s contents. Web is stopped while it runs. Rows written since the backup are lost.</source>
        <translation>Restaurar %1 substitui todo o banco de prod de %2 pelo conteúdo do backup. O web fica parado enquanto isso. As linhas gravadas depois do backup se perdem.</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restaurar %1</translation>
    </message>
    <message>
        <source>Replace the %1 database with %2? Web is stopped while it runs; rows written since the backup are lost.</source>
        <translation>Substituir o banco %1 por %2? O web fica parado enquanto isso; as linhas gravadas depois do backup se perdem.</translation>
    </message>
    <message>
        <source>Delete %1 and its sidecar? This cannot be undone.</source>
        <translation>Excluir %1 e seu arquivo auxiliar? Isto não pode ser desfeito.</translation>
    </message>
    <message>
        <source>V&amp;erify</source>
        <translation>V&amp;erificar</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <source>compose/run printed no migration plan.</source>
        <translation>O compose/run não imprimiu nenhum plano de migração.</translation>
    </message>
    <message>
        <source>Upgrade PostgreSQL (%1)</source>
        <translation>Atualizar PostgreSQL (%1)</translation>
    </message>
    <message>
        <source>Back up %1</source>
        <translation>Backup de %1</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Restaurar %1</translation>
    </message>
    <message>
        <source>Verify %1</source>
        <translation>Verificar %1</translation>
    </message>
    <message>
        <source>Migrations (%1)</source>
        <translation>Migrações (%1)</translation>
    </message>
    <message>
        <source>it is not one of the listed backups</source>
        <translation>não é um dos backups listados</translation>
    </message>
</context>
<context>
    <name>BootLogDialog</name>
    <message>
        <source>Log of %1</source>
        <translation>Log de %1</translation>
    </message>
    <message>
        <source>%1 could not be run: %2</source>
        <translation>Não foi possível executar %1: %2</translation>
    </message>
</context>
<context>
    <name>BootService</name>
    <message>
        <source>The boot helper %1 is missing: reinstall PostDoDjango (or use sudo sh run -7 install).</source>
        <translation>O auxiliar de boot %1 não existe: reinstale o PostDoDjango (ou use sudo sh run -7 install).</translation>
    </message>
    <message>
        <source>%1 could not be started: is it installed (apt install pkexec)?</source>
        <translation>Não foi possível iniciar %1: ele está instalado (apt install pkexec)?</translation>
    </message>
    <message>
        <source>Authentication was cancelled or refused; nothing was changed.</source>
        <translation>A autenticação foi cancelada ou recusada; nada foi alterado.</translation>
    </message>
    <message>
        <source>The boot helper failed (exit code %1).</source>
        <translation>O auxiliar de boot falhou (código de saída %1).</translation>
    </message>
    <message>
        <source>Prod on boot: unknown (%1)</source>
        <translation>Prod no boot: desconhecido (%1)</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>sem resposta</translation>
    </message>
    <message>
        <source>Prod starts on boot: not installed (systemd is not running on this system now)</source>
        <translation>Prod inicia no boot: não instalado (o systemd não está rodando neste sistema agora)</translation>
    </message>
    <message>
        <source>Prod starts on boot: not installed</source>
        <translation>Prod inicia no boot: não instalado</translation>
    </message>
    <message>
        <source>Prod starts on boot: enabled</source>
        <translation>Prod inicia no boot: ativado</translation>
    </message>
    <message>
        <source>Prod on boot: installed, not enabled</source>
        <translation>Prod no boot: instalado, não ativado</translation>
    </message>
    <message>
        <source> (systemd is not running on this system now)</source>
        <translation> (o systemd não está rodando neste sistema agora)</translation>
    </message>
    <message>
        <source> · last start failed (%1)</source>
        <translation> · último início falhou (%1)</translation>
    </message>
    <message>
        <source> · last start %1, %2</source>
        <translation> · último início %1, %2</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>com sucesso</translation>
    </message>
    <message>
        <source> · starting</source>
        <translation> · iniciando</translation>
    </message>
    <message>
        <source>run -7 print failed: %1</source>
        <translation>run -7 print falhou: %1</translation>
    </message>
    <message>
        <source>systemctl is not installed</source>
        <translation>o systemctl não está instalado</translation>
    </message>
    <message>
        <source>launchctl is not available</source>
        <translation>o launchctl não está disponível</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 não pode ser gravado: %2</translation>
    </message>
    <message>
        <source>launchctl bootstrap failed: %1</source>
        <translation>launchctl bootstrap falhou: %1</translation>
    </message>
    <message>
        <source>Installed %1; prod starts at each login.</source>
        <translation>%1 instalado; o prod inicia a cada login.</translation>
    </message>
    <message>
        <source>%1 cannot be removed.</source>
        <translation>%1 não pode ser removido.</translation>
    </message>
    <message>
        <source>Removed %1; the stack&apos;s volumes are kept.</source>
        <translation>%1 removido; os volumes da stack foram mantidos.</translation>
    </message>
    <message>
        <source>The boot service is not installed; install it first.</source>
        <translation>O serviço de boot não está instalado; instale-o primeiro.</translation>
    </message>
    <message>
        <source>The boot service is not installed.</source>
        <translation>O serviço de boot não está instalado.</translation>
    </message>
    <message>
        <source>Running the boot helper</source>
        <translation>Executando o auxiliar de boot</translation>
    </message>
    <message>
        <source>Asking for permission (pkexec)</source>
        <translation>Pedindo permissão (pkexec)</translation>
    </message>
    <message>
        <source>Install boot service %1</source>
        <translation>Instalar o serviço de boot %1</translation>
    </message>
    <message>
        <source>Remove boot service %1</source>
        <translation>Remover o serviço de boot %1</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Iniciar %1</translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation>Parar %1</translation>
    </message>
</context>
<context>
    <name>BuildContext</name>
    <message>
        <source>The build context could not be written to %1: %2</source>
        <translation>Não foi possível gravar o contexto de build em %1: %2</translation>
    </message>
    <message>
        <source>Cancelled while the build context was being prepared.</source>
        <translation>Cancelado enquanto o contexto de build era preparado.</translation>
    </message>
    <message>
        <source>%1 in the build context cannot be read: %2.</source>
        <translation>%1 no contexto de build não pode ser lido: %2.</translation>
    </message>
    <message>
        <source>%1 in the build context cannot be read: %2. Fix its permissions or list it in .dockerignore.</source>
        <translation>%1 no contexto de build não pode ser lido: %2. Corrija as permissões ou liste-o no .dockerignore.</translation>
    </message>
    <message>
        <source>The disk is full: the build context could not be written to the temporary folder.</source>
        <translation>O disco está cheio: não foi possível gravar o contexto de build na pasta temporária.</translation>
    </message>
    <message>
        <source>The build context could not be written: %1</source>
        <translation>Não foi possível gravar o contexto de build: %1</translation>
    </message>
    <message>
        <source>The build context %1 is not a folder.</source>
        <translation>O contexto de build %1 não é uma pasta.</translation>
    </message>
    <message>
        <source>There is no %1 in %2: the image cannot be built without it.</source>
        <translation>Não há %1 em %2: a imagem não pode ser construída sem ele.</translation>
    </message>
    <message>
        <source>%1/.dockerignore: %2</source>
        <translation>%1/.dockerignore: %2</translation>
    </message>
</context>
<context>
    <name>BuildProgress</name>
    <message>
        <source>the build failed without a message</source>
        <translation>o build falhou sem mensagem</translation>
    </message>
    <message>
        <source>Stage %1/%2, step %3/%4 : %5</source>
        <translation>Estágio %1/%2, Step %3/%4 : %5</translation>
    </message>
    <message>
        <source>Step %1/%2 : %3</source>
        <extracomment>Docker&apos;s own step line, which the app shows as the engine sends it (untranslated)</extracomment>
        <translation>Step %1/%2 : %3</translation>
    </message>
</context>
<context>
    <name>ComposeProject</name>
    <message>
        <source>this line is indented with a tab; YAML indents with spaces only (YAML: %1)</source>
        <translation>esta linha está indentada com tab; o YAML só indenta com espaços (YAML: %1)</translation>
    </message>
    <message>
        <source>the top level must be a mapping</source>
        <translation>o nível de cima precisa ser um mapeamento</translation>
    </message>
    <message>
        <source>cannot read the compose file: %1</source>
        <translation>não foi possível ler o arquivo compose: %1</translation>
    </message>
    <message>
        <source>no compose file given</source>
        <translation>nenhum arquivo compose indicado</translation>
    </message>
</context>
<context>
    <name>ComposeServiceReader</name>
    <message>
        <source>a mapping</source>
        <translation>um mapeamento</translation>
    </message>
    <message>
        <source>a sequence</source>
        <translation>uma sequência</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>um escalar</translation>
    </message>
    <message>
        <source>expected a scalar, found %1</source>
        <translation>esperava um escalar, encontrou %1</translation>
    </message>
    <message>
        <source>a port must be a string or a mapping</source>
        <translation>uma porta precisa ser um texto ou um mapeamento</translation>
    </message>
    <message>
        <source>a long-syntax port needs &quot;target&quot;</source>
        <translation>uma porta na sintaxe longa precisa de &quot;target&quot;</translation>
    </message>
    <message>
        <source>invalid container port</source>
        <translation>porta do contêiner inválida</translation>
    </message>
    <message>
        <source>invalid published port</source>
        <translation>porta publicada inválida</translation>
    </message>
    <message>
        <source>invalid port &quot;%1&quot;</source>
        <translation>porta inválida &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a long-syntax volume needs &quot;target&quot;</source>
        <translation>um volume na sintaxe longa precisa de &quot;target&quot;</translation>
    </message>
    <message>
        <source>invalid volume &quot;%1&quot;</source>
        <translation>volume inválido &quot;%1&quot;</translation>
    </message>
    <message>
        <source>volume target must be an absolute path in &quot;%1&quot;</source>
        <translation>o destino do volume precisa ser um caminho absoluto em &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ContainerAction</name>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
</context>
<context>
    <name>ContainerHealth</name>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>saudável</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>com problema</translation>
    </message>
</context>
<context>
    <name>ContainerListModel</name>
    <message>
        <source>The Docker Engine does not answer: this container&apos;s state is unknown until it does.</source>
        <translation>O Docker Engine não responde: o estado deste contêiner é desconhecido até que ele responda.</translation>
    </message>
    <message>
        <source>%1 (another folder&apos;s)</source>
        <translation>%1 (de outra pasta)</translation>
    </message>
    <message>
        <source>This container was started from %1, another stack with the same STACK_NAME; actions here would act on that stack.</source>
        <translation>Este contêiner foi iniciado a partir de %1, outra stack com o mesmo STACK_NAME; as ações aqui agiriam sobre aquela stack.</translation>
    </message>
    <message>
        <source>Defined in the compose file; no container yet. Use Up to create it.</source>
        <translation>Definido no arquivo compose; ainda sem contêiner. Use Subir para criá-lo.</translation>
    </message>
    <message>
        <source>%1 (not in compose file)</source>
        <translation>%1 (fora do arquivo compose)</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Saúde</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Portas</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Tempo ativo</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>ContainerState</name>
    <message>
        <source>unknown</source>
        <translation>desconhecido</translation>
    </message>
    <message>
        <source>not created</source>
        <translation>não criado</translation>
    </message>
    <message>
        <source>created</source>
        <translation>criado</translation>
    </message>
    <message>
        <source>running</source>
        <translation>rodando</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausado</translation>
    </message>
    <message>
        <source>restarting</source>
        <translation>reiniciando</translation>
    </message>
    <message>
        <source>removing</source>
        <translation>removendo</translation>
    </message>
    <message>
        <source>exited</source>
        <translation>encerrado</translation>
    </message>
    <message>
        <source>dead</source>
        <translation>morto</translation>
    </message>
</context>
<context>
    <name>CsvExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Não é possível gravar %1: %2</translation>
    </message>
    <message>
        <source>Writing %1 failed: %2</source>
        <translation>A gravação de %1 falhou: %2</translation>
    </message>
    <message>
        <source>%1 rows, %2</source>
        <translation>%1 linhas, %2</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>A exportação falhou.</translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation>Exportar %1 para CSV</translation>
    </message>
    <message>
        <source>Export query to CSV</source>
        <translation>Exportar consulta para CSV</translation>
    </message>
</context>
<context>
    <name>CurlRequest</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>não é possível ler %1: %2</translation>
    </message>
    <message>
        <source>the stream could not be decoded</source>
        <translation>o fluxo não pôde ser decodificado</translation>
    </message>
</context>
<context>
    <name>DbBrowserPanel</name>
    <message>
        <source>PRODUCTION — read-only</source>
        <translation>PRODUÇÃO — somente leitura</translation>
    </message>
    <message>
        <source>Production connection warning</source>
        <translation>Aviso de conexão de produção</translation>
    </message>
    <message>
        <source>Connec&amp;tion…</source>
        <translation>Cone&amp;xão…</translation>
    </message>
    <message>
        <source>Choose or edit the database connection</source>
        <translation>Escolher ou editar a conexão com o banco</translation>
    </message>
    <message>
        <source>Reconn&amp;ect</source>
        <translation>Rec&amp;onectar</translation>
    </message>
    <message>
        <source>D&amp;isconnect</source>
        <translation>D&amp;esconectar</translation>
    </message>
    <message>
        <source>✕</source>
        <translation>✕</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Br&amp;owse</source>
        <translation>Na&amp;vegar</translation>
    </message>
    <message>
        <source>S&amp;QL console</source>
        <translation>Console S&amp;QL</translation>
    </message>
    <message>
        <source>Reconnecting closes the connection they belong to.</source>
        <translation>Reconectar fecha a conexão à qual elas pertencem.</translation>
    </message>
    <message>
        <source>Disconnecting closes the connection they belong to.</source>
        <translation>Desconectar fecha a conexão à qual elas pertencem.</translation>
    </message>
    <message>
        <source>The database settings in .env changed (%1), so the panel reconnects.</source>
        <translation>As configurações do banco no .env mudaram (%1), então o painel reconecta.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Alterações não salvas</translation>
    </message>
    <message>
        <source>%1

You have unsaved changes in %2.</source>
        <translation>%1

Você tem alterações não salvas em %2.</translation>
    </message>
    <message>
        <source>&amp;Save them first</source>
        <translation>&amp;Salvar primeiro</translation>
    </message>
    <message>
        <source>&amp;Discard them</source>
        <translation>&amp;Descartar</translation>
    </message>
    <message>
        <source>&amp;Keep editing, reconnect later</source>
        <translation>&amp;Continuar editando, reconectar depois</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuar editando</translation>
    </message>
    <message>
        <source>The database settings in .env changed; your unsaved changes are kept on the current connection. Save or revert them, then press Reconnect.</source>
        <translation>As configurações do banco no .env mudaram; suas alterações não salvas ficam na conexão atual. Salve-as ou reverta-as e depois clique em Reconectar.</translation>
    </message>
    <message>
        <source>Connected to %1 (PostgreSQL %2).</source>
        <translation>Conectado a %1 (PostgreSQL %2).</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando a %1…</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>não conectado</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>conectando…</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>falha na conexão</translation>
    </message>
    <message>
        <source>No connection configured.</source>
        <translation>Nenhuma conexão configurada.</translation>
    </message>
    <message>
        <source>PRODUCTION — WRITES ENABLED: changes hit live data</source>
        <translation>PRODUÇÃO — GRAVAÇÃO ATIVADA: as alterações atingem dados reais</translation>
    </message>
</context>
<context>
    <name>DbConnectionDialog</name>
    <message>
        <source>Connect to a database</source>
        <translation>Conectar a um banco de dados</translation>
    </message>
    <message>
        <source>&amp;Saved:</source>
        <translation>&amp;Salvas:</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>&amp;Esquecer</translation>
    </message>
    <message>
        <source>Remove the selected saved connection and its password from the keychain</source>
        <translation>Remover a conexão salva selecionada e sua senha do chaveiro</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Rótulo:</translation>
    </message>
    <message>
        <source>e.g. dev, prod</source>
        <translation>ex.: dev, prod</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;orta:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Usuário:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Banco:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Sen&amp;ha:</translation>
    </message>
    <message>
        <source>Remember the password in the OS &amp;keychain</source>
        <translation>Lembrar a senha no &amp;chaveiro do sistema</translation>
    </message>
    <message>
        <source>&amp;Read-only (the server refuses every write)</source>
        <translation>Somente &amp;leitura (o servidor recusa qualquer gravação)</translation>
    </message>
</context>
<context>
    <name>DbError</name>
    <message>
        <source>The server rejected the user name or password; check them in the connection settings.</source>
        <translation>O servidor recusou o usuário ou a senha; confira-os nas configurações da conexão.</translation>
    </message>
    <message>
        <source>The database does not exist on this server; check the database name (or create it, e.g. by starting the stack once).</source>
        <translation>O banco não existe neste servidor; confira o nome do banco (ou crie-o, por exemplo subindo a stack uma vez).</translation>
    </message>
    <message>
        <source>The database server is not reachable at that host and port; is the stack (or PostgreSQL) running?</source>
        <translation>O servidor de banco não responde nesse host e porta; a stack (ou o PostgreSQL) está rodando?</translation>
    </message>
    <message>
        <source>Could not connect to the database.</source>
        <translation>Não foi possível conectar ao banco.</translation>
    </message>
    <message>
        <source>The query was cancelled.</source>
        <translation>A consulta foi cancelada.</translation>
    </message>
    <message>
        <source>This connection is read-only; the statement tried to change data.</source>
        <translation>Esta conexão é somente leitura; o comando tentou alterar dados.</translation>
    </message>
    <message>
        <source>The connection to the database was lost; it is re-established on the next action.</source>
        <translation>A conexão com o banco caiu; ela é refeita na próxima ação.</translation>
    </message>
    <message>
        <source>The connection broke while committing; the changes may or may not have been saved. Reload to check.</source>
        <translation>A conexão caiu durante o commit; as alterações podem ou não ter sido salvas. Recarregue para conferir.</translation>
    </message>
</context>
<context>
    <name>DbSqlConsole</name>
    <message>
        <source>SQL editor</source>
        <translation>Editor SQL</translation>
    </message>
    <message>
        <source>SELECT … — Ctrl+Return runs the selection, or everything when nothing is selected; Esc cancels.</source>
        <translation>SELECT … — Ctrl+Return executa a seleção, ou tudo quando nada está selecionado; Esc cancela.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Executar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xportar CSV…</translation>
    </message>
    <message>
        <source>Run the query again as COPY … TO STDOUT and stream it to a CSV file</source>
        <translation>Executar a consulta de novo como COPY … TO STDOUT e gravá-la num arquivo CSV</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>Em transação</translation>
    </message>
    <message>
        <source>You opened a transaction (BEGIN): its changes are seen by no one else and its locks are held until you commit or roll back</source>
        <translation>Você abriu uma transação (BEGIN): suas alterações não são vistas por mais ninguém e seus locks ficam presos até você fazer commit ou rollback</translation>
    </message>
    <message>
        <source>Co&amp;mmit</source>
        <translation>Co&amp;mmit</translation>
    </message>
    <message>
        <source>COMMIT the open transaction</source>
        <translation>COMMIT da transação aberta</translation>
    </message>
    <message>
        <source>Roll&amp;back</source>
        <translation>Roll&amp;back</translation>
    </message>
    <message>
        <source>ROLLBACK the open transaction</source>
        <translation>ROLLBACK da transação aberta</translation>
    </message>
    <message>
        <source>Query results</source>
        <translation>Resultados da consulta</translation>
    </message>
</context>
<context>
    <name>DbTableBrowser</name>
    <message>
        <source>Catalog: schemas, tables, views</source>
        <translation>Catálogo: schemas, tabelas, views</translation>
    </message>
    <message>
        <source>No table selected</source>
        <translation>Nenhuma tabela selecionada</translation>
    </message>
    <message>
        <source>slow: no primary key</source>
        <translation>lento: sem chave primária</translation>
    </message>
    <message>
        <source>This relation has no primary key: pages are read with OFFSET, which gets slower the further you scroll, and rows cannot be edited.</source>
        <translation>Esta relação não tem chave primária: as páginas são lidas com OFFSET, que fica mais lento quanto mais você rola, e as linhas não podem ser editadas.</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtro:</translation>
    </message>
    <message>
        <source>Filter column</source>
        <translation>Coluna do filtro</translation>
    </message>
    <message>
        <source>Filter operator</source>
        <translation>Operador do filtro</translation>
    </message>
    <message>
        <source>Filter value</source>
        <translation>Valor do filtro</translation>
    </message>
    <message>
        <source>value (sent as a parameter)</source>
        <translation>valor (enviado como parâmetro)</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Clea&amp;r</source>
        <translation>&amp;Limpar</translation>
    </message>
    <message>
        <source>Table rows</source>
        <translation>Linhas da tabela</translation>
    </message>
    <message>
        <source>Cancel e&amp;xport</source>
        <translation>Cancelar e&amp;xportação</translation>
    </message>
</context>
<context>
    <name>DetailText</name>
    <message numerus="yes">
        <source>… %Ln more byte(s) not shown
</source>
        <translation>
            <numerusform>… mais %Ln byte não mostrado
</numerusform>
            <numerusform>… mais %Ln bytes não mostrados
</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>
… %Ln more character(s) not shown (Copy value copies all of it)</source>
        <translation>
            <numerusform>
… mais %Ln caractere não mostrado (Copiar valor copia tudo)</numerusform>
            <numerusform>
… mais %Ln caracteres não mostrados (Copiar valor copia tudo)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>%Ln caractere</numerusform>
            <numerusform>%Ln caracteres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DockerCredentials</name>
    <message>
        <source>Docker&apos;s config.json is not valid JSON (%1 at byte %2).</source>
        <translation>O config.json do Docker não é um JSON válido (%1 no byte %2).</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>não é um objeto</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2.</source>
        <translation>%1 não pode ser lido: %2.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Docker&apos;s config names the credential helper &quot;%1&quot;, but %2 is not installed (not on PATH).</source>
        <translation>A configuração do Docker indica o credential helper &quot;%1&quot;, mas %2 não está instalado (não está no PATH).</translation>
    </message>
    <message>
        <source>%1 could not be started: %2.</source>
        <translation>Não foi possível iniciar %1: %2.</translation>
    </message>
    <message>
        <source>%1 %2 did not answer within %3 s (is the keyring locked?).</source>
        <translation>%1 %2 não respondeu em %3 s (o chaveiro está bloqueado?).</translation>
    </message>
    <message>
        <source>%1 %2 failed: %3</source>
        <translation>%1 %2 falhou: %3</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>sem mensagem</translation>
    </message>
    <message>
        <source>%1 get answered something that is not the credential-helper JSON.</source>
        <translation>%1 get respondeu algo que não é o JSON de um credential helper.</translation>
    </message>
</context>
<context>
    <name>DockerIgnore</name>
    <message>
        <source>A line holds only &quot;!&quot;.</source>
        <translation>Uma linha contém só &quot;!&quot;.</translation>
    </message>
    <message>
        <source>The pattern &quot;%1&quot; is not valid (%2).</source>
        <translation>O padrão &quot;%1&quot; não é válido (%2).</translation>
    </message>
</context>
<context>
    <name>EdgeCertificate</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dia</numerusform>
            <numerusform>%n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>certificate not read yet</source>
        <translation>certificado ainda não lido</translation>
    </message>
    <message>
        <source>certificate not read: %1</source>
        <translation>certificado não lido: %1</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>autoassinado</translation>
    </message>
    <message>
        <source>issued by %1</source>
        <translation>emitido por %1</translation>
    </message>
    <message>
        <source>%1, expired on %2</source>
        <translation>%1, expirou em %2</translation>
    </message>
    <message>
        <source>%1, valid until %2 (%3 left)</source>
        <translation>%1, válido até %2 (vence em %3)</translation>
    </message>
    <message>
        <source>Certificate for %1, issued by %2, valid until %3</source>
        <translation>Certificado de %1, emitido por %2, válido até %3</translation>
    </message>
    <message>
        <source>The prod certificate (%1) expired on %2: browsers refuse the site. Renew it, then press Up.</source>
        <translation>O certificado de prod (%1) expirou em %2: os navegadores recusam o site. Renove-o e depois clique em Subir.</translation>
    </message>
    <message>
        <source>The prod certificate (%1) expires on %2, in %3: renew it before then, then press Up.</source>
        <translation>O certificado de prod (%1) expira em %2, daqui a %3: renove-o antes disso e depois clique em Subir.</translation>
    </message>
    <message>
        <source>no TLS answer from %1 within the time limit</source>
        <translation>sem resposta TLS de %1 dentro do prazo</translation>
    </message>
    <message>
        <source>this Qt has no TLS backend</source>
        <translation>este Qt não tem back end de TLS</translation>
    </message>
    <message>
        <source>%1 sent no certificate</source>
        <translation>%1 não enviou certificado</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>EngineClient</name>
    <message>
        <source>The request was cancelled.</source>
        <translation>A requisição foi cancelada.</translation>
    </message>
    <message>
        <source>The Docker Engine at %1 did not answer in time; it may be overloaded or hung. Retrying; restart Docker if this persists.</source>
        <translation>O Docker Engine em %1 não respondeu a tempo; pode estar sobrecarregado ou travado. Tentando de novo; reinicie o Docker se isso continuar.</translation>
    </message>
    <message>
        <source>Permission denied on the Docker socket %1. Add your user to the &quot;docker&quot; group (sudo usermod -aG docker $USER) and log in again.</source>
        <translation>Permissão negada no socket do Docker %1. Adicione seu usuário ao grupo &quot;docker&quot; (sudo usermod -aG docker $USER) e entre de novo na sessão.</translation>
    </message>
    <message>
        <source>The Docker socket %1 does not exist: Docker is not running. Start it (sudo systemctl start docker, or open Docker Desktop); PostDoDjango reconnects by itself.</source>
        <translation>O socket do Docker %1 não existe: o Docker não está rodando. Inicie-o (sudo systemctl start docker, ou abra o Docker Desktop); o PostDoDjango reconecta sozinho.</translation>
    </message>
    <message>
        <source>Nothing answers on the Docker socket %1: the daemon is not running. Start it (sudo systemctl start docker, or open Docker Desktop); PostDoDjango reconnects by itself.</source>
        <translation>Nada responde no socket do Docker %1: o daemon não está rodando. Inicie-o (sudo systemctl start docker, ou abra o Docker Desktop); o PostDoDjango reconecta sozinho.</translation>
    </message>
    <message>
        <source>The connection to the Docker Engine at %1 broke (%2). Reconnecting.</source>
        <translation>A conexão com o Docker Engine em %1 caiu (%2). Reconectando.</translation>
    </message>
    <message>
        <source>The Docker Engine answered HTTP %1.</source>
        <translation>O Docker Engine respondeu HTTP %1.</translation>
    </message>
    <message>
        <source>No Docker socket is configured.</source>
        <translation>Nenhum socket do Docker está configurado.</translation>
    </message>
    <message>
        <source>The Docker Engine at %1 sent an unreadable answer to %2 (%3). Retrying.</source>
        <translation>O Docker Engine em %1 enviou uma resposta ilegível para %2 (%3). Tentando de novo.</translation>
    </message>
</context>
<context>
    <name>EngineEndpoint</name>
    <message>
        <source>DOCKER_HOST is &quot;unix://&quot; without a socket path; set it to e.g. unix:///var/run/docker.sock or unset it.</source>
        <translation>DOCKER_HOST é &quot;unix://&quot; sem caminho de socket; defina-o como, por exemplo, unix:///var/run/docker.sock ou remova-o.</translation>
    </message>
    <message>
        <source>DOCKER_HOST=%1 uses &quot;%2&quot;, which PostDoDjango does not support yet; only unix:// sockets work. Unset DOCKER_HOST or point it at a unix socket.</source>
        <translation>DOCKER_HOST=%1 usa &quot;%2&quot;, que o PostDoDjango ainda não suporta; só sockets unix:// funcionam. Remova DOCKER_HOST ou aponte-o para um socket unix.</translation>
    </message>
</context>
<context>
    <name>EngineEventFeed</name>
    <message>
        <source>The Docker Engine answered the container list with something else than a list. Retrying.</source>
        <translation>O Docker Engine respondeu à lista de contêineres com algo que não é uma lista. Tentando de novo.</translation>
    </message>
    <message>
        <source>The Docker Engine sent an unreadable event stream (%1). Reconnecting.</source>
        <translation>O Docker Engine enviou um fluxo de eventos ilegível (%1). Reconectando.</translation>
    </message>
    <message>
        <source>The Docker Engine closed the event stream (is it restarting?). Reconnecting.</source>
        <translation>O Docker Engine fechou o fluxo de eventos (está reiniciando?). Reconectando.</translation>
    </message>
</context>
<context>
    <name>EngineMonitor</name>
    <message>
        <source>Not watching the Docker Engine.</source>
        <translation>Não está observando o Docker Engine.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The Docker Engine is not being watched; start the monitor first.</source>
        <translation>O Docker Engine não está sendo observado; inicie o monitor primeiro.</translation>
    </message>
    <message>
        <source>Asking the engine: %1</source>
        <translation>Perguntando ao engine: %1</translation>
    </message>
</context>
<context>
    <name>ImagePanel</name>
    <message>
        <source>Web image:</source>
        <translation>Imagem web:</translation>
    </message>
    <message>
        <source>On this machine:</source>
        <translation>Nesta máquina:</translation>
    </message>
    <message>
        <source>Last push:</source>
        <translation>Último push:</translation>
    </message>
    <message>
        <source>Copy the pushed digest (sha256:…) to the clipboard</source>
        <translation>Copiar o digest enviado (sha256:…) para a área de transferência</translation>
    </message>
    <message>
        <source>Builder:</source>
        <translation>Builder:</translation>
    </message>
    <message>
        <source>Builder</source>
        <translation>Builder</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Build progress</source>
        <translation>Progresso do build</translation>
    </message>
    <message>
        <source>Push</source>
        <translation>Push</translation>
    </message>
    <message>
        <source>Push progress</source>
        <translation>Progresso do push</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>há %n minuto</numerusform>
            <numerusform>há %n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>há %n hora</numerusform>
            <numerusform>há %n horas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>há %n dia</numerusform>
            <numerusform>há %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>Ctrl+Shift+B</source>
        <translation>Ctrl+Shift+B</translation>
    </message>
    <message>
        <source>Build the web image from compose/web (Ctrl+Shift+B)</source>
        <translation>Construir a imagem web a partir de compose/web (Ctrl+Shift+B)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>Push the web image to its registry (Ctrl+Shift+P)</source>
        <translation>Enviar a imagem web ao seu registry (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Build, &amp;then push</source>
        <translation>Cons&amp;truir e depois enviar</translation>
    </message>
    <message>
        <source>Ctrl+Alt+B</source>
        <translation>Ctrl+Alt+B</translation>
    </message>
    <message>
        <source>Build, and push only if the build succeeded (Ctrl+Alt+B)</source>
        <translation>Construir, e enviar só se o build der certo (Ctrl+Alt+B)</translation>
    </message>
    <message>
        <source>Stop the build or push on the daemon</source>
        <translation>Parar o build ou o push no daemon</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nenhum)</translation>
    </message>
    <message>
        <source>Unknown until the Docker Engine answers.</source>
        <translation>Desconhecido até o Docker Engine responder.</translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation>Desconhecido: %1</translation>
    </message>
    <message>
        <source>Not built yet.</source>
        <translation>Ainda não construída.</translation>
    </message>
    <message>
        <source>%1 · %2 · built %3</source>
        <translation>%1 · %2 · construída %3</translation>
    </message>
    <message>
        <source>Not pushed to %1 from this machine.</source>
        <translation>Não enviada a %1 a partir desta máquina.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 para %2</translation>
    </message>
    <message>
        <source>uses the Docker Engine API; buildx when the daemon builds with BuildKit</source>
        <translation>usa a API do Docker Engine; buildx quando o daemon constrói com BuildKit</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>docker-credential-%1, as docker login would</source>
        <translation>docker-credential-%1, como o docker login faria</translation>
    </message>
    <message>
        <source>in the OS keychain</source>
        <translation>no chaveiro do sistema</translation>
    </message>
    <message>
        <source>Copy digest</source>
        <translation>Copiar digest</translation>
    </message>
    <message>
        <source>Build f&amp;rom source</source>
        <translation>Const&amp;ruir a partir do código</translation>
    </message>
    <message>
        <source>Push t&amp;o registry</source>
        <translation>Enviar ao registr&amp;y</translation>
    </message>
    <message>
        <source>Canc&amp;el the job</source>
        <translation>Cancelar a tare&amp;fa</translation>
    </message>
</context>
<context>
    <name>ImageReference</name>
    <message>
        <source>The image name is empty.</source>
        <translation>O nome da imagem está vazio.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names a digest; the web image needs a tag (WEB_TAG).</source>
        <translation>&quot;%1&quot; indica um digest; a imagem web precisa de uma tag (WEB_TAG).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag: use letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos; (at most 128, not starting with &apos;.&apos; or &apos;-&apos;).</source>
        <translation>&quot;%1&quot; não é uma tag de imagem válida: use letras, dígitos, &apos;_&apos;, &apos;.&apos; e &apos;-&apos; (no máximo 128, sem começar com &apos;.&apos; ou &apos;-&apos;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid registry address (host or host:port).</source>
        <translation>&quot;%1&quot; não é um endereço de registry válido (host ou host:porta).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has capital letters; image names must be lowercase.</source>
        <translation>&quot;%1&quot; tem letras maiúsculas; nomes de imagem precisam ser minúsculos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image name: use lowercase letters, digits and &apos;.&apos;, &apos;_&apos;, &apos;-&apos; between them.</source>
        <translation>&quot;%1&quot; não é um nome de imagem válido: use letras minúsculas, dígitos e &apos;.&apos;, &apos;_&apos;, &apos;-&apos; entre eles.</translation>
    </message>
    <message>
        <source>The image name is longer than Docker allows.</source>
        <translation>O nome da imagem é mais longo do que o Docker permite.</translation>
    </message>
    <message>
        <source>Docker Hub</source>
        <translation>Docker Hub</translation>
    </message>
</context>
<context>
    <name>ImageService</name>
    <message>
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <source>Docker Engine API (classic builder)</source>
        <translation>API do Docker Engine (builder clássico)</translation>
    </message>
    <message>
        <source>docker buildx (BuildKit)</source>
        <translation>docker buildx (BuildKit)</translation>
    </message>
    <message>
        <source>The web service has no build section in docker-compose.yml.</source>
        <translation>O serviço web não tem seção build no docker-compose.yml.</translation>
    </message>
    <message>
        <source>Build %1</source>
        <translation>Build de %1</translation>
    </message>
    <message>
        <source>No Docker socket is configured.</source>
        <translation>Nenhum socket do Docker está configurado.</translation>
    </message>
    <message>
        <source>chosen in the settings</source>
        <translation>escolhido nas configurações</translation>
    </message>
    <message>
        <source>The buildx builder is chosen, but docker buildx is not installed (apt install docker-buildx, or choose Automatic).</source>
        <translation>O builder buildx está escolhido, mas o docker buildx não está instalado (apt install docker-buildx, ou escolha Automático).</translation>
    </message>
    <message>
        <source>the daemon builds with BuildKit</source>
        <translation>o daemon constrói com BuildKit</translation>
    </message>
    <message>
        <source>the daemon uses the classic builder</source>
        <translation>o daemon usa o builder clássico</translation>
    </message>
    <message>
        <source>docker buildx is not installed</source>
        <translation>o docker buildx não está instalado</translation>
    </message>
    <message>
        <source>Builder: %1 (%2)</source>
        <translation>Builder: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Push %1</source>
        <translation>Push de %1</translation>
    </message>
    <message>
        <source>The web image has no name.</source>
        <translation>A imagem web não tem nome.</translation>
    </message>
    <message>
        <source>Looking up your credentials for %1</source>
        <translation>Procurando suas credenciais para %1</translation>
    </message>
    <message>
        <source>Credentials: none (anonymous push)</source>
        <translation>Credenciais: nenhuma (push anônimo)</translation>
    </message>
    <message>
        <source>Credentials: config.json auths</source>
        <translation>Credenciais: auths do config.json</translation>
    </message>
    <message>
        <source>Credentials: docker-credential-%1%2</source>
        <translation>Credenciais: docker-credential-%1%2</translation>
    </message>
    <message>
        <source> (nothing stored for this registry)</source>
        <translation> (nada guardado para este registry)</translation>
    </message>
    <message>
        <source>Credentials: the ones you entered</source>
        <translation>Credenciais: as que você digitou</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest: %1</translation>
    </message>
</context>
<context>
    <name>ImageWork</name>
    <message>
        <source>The Docker daemon&apos;s disk is full (no space left on device). Free space (docker system prune) and build again.</source>
        <translation>O disco do daemon do Docker está cheio (no space left on device). Libere espaço (docker system prune) e construa de novo.</translation>
    </message>
    <message>
        <source>The Dockerfile is missing from the build context: %1</source>
        <translation>Falta o Dockerfile no contexto de build: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 falhou: %2</translation>
    </message>
    <message>
        <source>The build failed: %1</source>
        <translation>O build falhou: %1</translation>
    </message>
    <message>
        <source>The registry %1 refused the credentials (or none were given): log in to push.</source>
        <translation>O registry %1 recusou as credenciais (ou nenhuma foi dada): faça login para enviar.</translation>
    </message>
    <message>
        <source>The registry %1 cannot be reached (%2). Is it running, and is REGISTRY in .env right?</source>
        <translation>O registry %1 não pode ser alcançado (%2). Ele está rodando, e o REGISTRY no .env está certo?</translation>
    </message>
    <message>
        <source>The registry %1 speaks plain HTTP; the Docker daemon only allows that for registries listed in its insecure-registries (localhost is always allowed).</source>
        <translation>O registry %1 fala HTTP simples; o daemon do Docker só permite isso para registries listados em insecure-registries (localhost é sempre permitido).</translation>
    </message>
    <message>
        <source>The registry %1 is out of disk space: %2</source>
        <translation>O registry %1 está sem espaço em disco: %2</translation>
    </message>
    <message>
        <source>There is no local image %1 to push: build it first.</source>
        <translation>Não há imagem local %1 para enviar: construa-a primeiro.</translation>
    </message>
    <message>
        <source>The push to %1 failed: %2</source>
        <translation>O push para %1 falhou: %2</translation>
    </message>
    <message>
        <source>%1 of %2 layers</source>
        <translation>%1 de %2 camadas</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Packing the build context</source>
        <translation>Empacotando o contexto de build</translation>
    </message>
    <message>
        <source>No temporary file for the build context: %1</source>
        <translation>Sem arquivo temporário para o contexto de build: %1</translation>
    </message>
    <message>
        <source>Build context: %1 entries, %2</source>
        <translation>Contexto de build: %1 entradas, %2</translation>
    </message>
    <message>
        <source>Sending the build context (%1)</source>
        <translation>Enviando o contexto de build (%1)</translation>
    </message>
    <message>
        <source>(cached)</source>
        <translation>(em cache)</translation>
    </message>
    <message>
        <source>The build was cancelled.</source>
        <translation>O build foi cancelado.</translation>
    </message>
    <message>
        <source>The Docker Engine sent an unreadable build stream (%1).</source>
        <translation>O Docker Engine enviou um fluxo de build ilegível (%1).</translation>
    </message>
    <message>
        <source>The build ended without naming an image (the stream stopped early).</source>
        <translation>O build terminou sem nomear uma imagem (o fluxo parou antes).</translation>
    </message>
    <message>
        <source>Built %1 (%2 steps, %3 cached)</source>
        <translation>%1 construída (%2 etapas, %3 em cache)</translation>
    </message>
    <message>
        <source>No temporary file for the image ID: %1</source>
        <translation>Sem arquivo temporário para o ID da imagem: %1</translation>
    </message>
    <message>
        <source>Starting docker buildx</source>
        <translation>Iniciando o docker buildx</translation>
    </message>
    <message>
        <source>docker buildx could not be started: %1</source>
        <translation>Não foi possível iniciar o docker buildx: %1</translation>
    </message>
    <message>
        <source>docker buildx exited with code %1</source>
        <translation>O docker buildx saiu com o código %1</translation>
    </message>
    <message>
        <source>docker buildx ended without an image ID.</source>
        <translation>O docker buildx terminou sem um ID de imagem.</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Conectando a %1</translation>
    </message>
    <message>
        <source>Preparing the push to %1</source>
        <translation>Preparando o push para %1</translation>
    </message>
    <message>
        <source>The push was cancelled.</source>
        <translation>O push foi cancelado.</translation>
    </message>
    <message>
        <source>The Docker Engine sent an unreadable push stream (%1).</source>
        <translation>O Docker Engine enviou um fluxo de push ilegível (%1).</translation>
    </message>
    <message>
        <source>The push ended without a digest (the stream stopped early).</source>
        <translation>O push terminou sem digest (o fluxo parou antes).</translation>
    </message>
    <message>
        <source>Pushed %1 · %2</source>
        <translation>%1 enviada · %2</translation>
    </message>
    <message>
        <source>The registry %1 speaks plain HTTP; Podman only allows that for registries marked insecure in registries.conf ([[registry]] location=&quot;%1&quot; insecure=true).</source>
        <translation>O registry %1 fala HTTP sem TLS; o Podman só permite isso para registries marcados como inseguros no registries.conf ([[registry]] location=&quot;%1&quot; insecure=true).</translation>
    </message>
    <message>
        <source>Pushing to %1 (Podman reports no progress per layer)</source>
        <translation>Enviando para %1 (o Podman não informa o progresso por camada)</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n working container(s) that Podman&apos;s builder left behind.</source>
        <translation>
            <numerusform>Removido %n container de trabalho que o builder do Podman deixou para trás.</numerusform>
            <numerusform>Removidos %n containers de trabalho que o builder do Podman deixou para trás.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Interpolation</name>
    <message>
        <source>invalid interpolation format for &quot;%1&quot;: missing &apos;}&apos;</source>
        <translation>formato de interpolação inválido em &quot;%1&quot;: falta &apos;}&apos;</translation>
    </message>
    <message>
        <source>invalid interpolation format for &quot;%1&quot;</source>
        <translation>formato de interpolação inválido em &quot;%1&quot;</translation>
    </message>
    <message>
        <source>required variable %1 is missing a value%2</source>
        <translation>a variável obrigatória %1 está sem valor%2</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Pending</source>
        <translation>Pendente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
</context>
<context>
    <name>JsonMessageStream</name>
    <message>
        <source>unexpected byte 0x%1 between JSON messages</source>
        <translation>byte inesperado 0x%1 entre mensagens JSON</translation>
    </message>
    <message>
        <source>a JSON message exceeds %1 bytes</source>
        <translation>uma mensagem JSON passa de %1 bytes</translation>
    </message>
    <message>
        <source>unbalanced JSON message</source>
        <translation>mensagem JSON desbalanceada</translation>
    </message>
    <message>
        <source>malformed JSON message: %1</source>
        <translation>mensagem JSON malformada: %1</translation>
    </message>
</context>
<context>
    <name>LogPane</name>
    <message>
        <source>&amp;Logs</source>
        <translation>&amp;Logs</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Localizar no log</translation>
    </message>
    <message>
        <source>Cle&amp;ar</source>
        <translation>&amp;Zerar</translation>
    </message>
    <message>
        <source>Clear the log view (the container&apos;s log is untouched)</source>
        <translation>Limpar a visualização do log (o log do contêiner não é alterado)</translation>
    </message>
    <message>
        <source>Container log</source>
        <translation>Log do contêiner</translation>
    </message>
    <message>
        <source>select a container</source>
        <translation>selecione um contêiner</translation>
    </message>
    <message>
        <source>%1 — no container</source>
        <translation>%1 — sem contêiner</translation>
    </message>
    <message>
        <source>%1 — following</source>
        <translation>%1 — acompanhando</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 — log ended</source>
        <translation>%1 — log encerrado</translation>
    </message>
    <message>
        <source>… %L1 lines skipped (the container writes faster than they can be shown)</source>
        <translation>… %L1 linhas omitidas (o contêiner escreve mais rápido do que é possível mostrar)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PostDoDjango</source>
        <translation>PostDoDjango</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modo:</translation>
    </message>
    <message>
        <source>Development mode</source>
        <translation>Modo de desenvolvimento</translation>
    </message>
    <message>
        <source>Production mode</source>
        <translation>Modo de produção</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>&amp;Contêineres</translation>
    </message>
    <message>
        <source>Site address and certificate</source>
        <translation>Endereço do site e certificado</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Contêineres</translation>
    </message>
    <message>
        <source>&amp;Volumes</source>
        <translation>&amp;Volumes</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Stack</source>
        <translation>&amp;Stack</translation>
    </message>
    <message>
        <source>Co&amp;ntainer</source>
        <translation>Co&amp;ntêiner</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <source>&amp;Dev</source>
        <translation>&amp;Dev</translation>
    </message>
    <message>
        <source>Development mode: db, web (runserver), pgAdmin</source>
        <translation>Modo de desenvolvimento: db, web (runserver), pgAdmin</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Prod</source>
        <translation>&amp;Prod</translation>
    </message>
    <message>
        <source>Production mode: db, web (gunicorn), nginx</source>
        <translation>Modo de produção: db, web (gunicorn), nginx</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Start the stack in the selected mode (compose/run)</source>
        <translation>Iniciar a stack no modo selecionado (compose/run)</translation>
    </message>
    <message>
        <source>Ctrl+U</source>
        <translation>Ctrl+U</translation>
    </message>
    <message>
        <source>Do&amp;wn</source>
        <translation>Desli&amp;gar</translation>
    </message>
    <message>
        <source>Stop the stack in the selected mode; volumes are kept</source>
        <translation>Parar a stack no modo selecionado; os volumes são mantidos</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Open web pa&amp;ge</source>
        <translation>Abrir página &amp;web</translation>
    </message>
    <message>
        <source>Ctrl+B</source>
        <translation>Ctrl+B</translation>
    </message>
    <message>
        <source>&amp;Reload compose file and .env</source>
        <translation>&amp;Recarregar arquivo compose e .env</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>Inicia&amp;r</translation>
    </message>
    <message>
        <source>Start the selected container</source>
        <translation>Iniciar o contêiner selecionado</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>In&amp;terromper</translation>
    </message>
    <message>
        <source>Stop the selected container</source>
        <translation>Parar o contêiner selecionado</translation>
    </message>
    <message>
        <source>Ctrl+Shift+X</source>
        <translation>Ctrl+Shift+X</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>R&amp;einiciar</translation>
    </message>
    <message>
        <source>Restart the selected container</source>
        <translation>Reiniciar o contêiner selecionado</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <source>Ask the engine for volume sizes again (/system/df)</source>
        <translation>Pedir de novo ao engine os tamanhos dos volumes (/system/df)</translation>
    </message>
    <message>
        <source>Ctrl+F5</source>
        <translation>Ctrl+F5</translation>
    </message>
    <message>
        <source>&amp;New stack…</source>
        <translation>&amp;Nova stack…</translation>
    </message>
    <message>
        <source>Create a stack from the template in an empty folder</source>
        <translation>Criar uma stack a partir do modelo numa pasta vazia</translation>
    </message>
    <message>
        <source>&amp;Open stack…</source>
        <translation>&amp;Abrir stack…</translation>
    </message>
    <message>
        <source>Open another stack folder in a new window</source>
        <translation>Abrir outra pasta de stack numa nova janela</translation>
    </message>
    <message>
        <source>&amp;Find in log…</source>
        <translation>Locali&amp;zar no log…</translation>
    </message>
    <message>
        <source>Find ne&amp;xt</source>
        <translation>Localizar pró&amp;ximo</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>Localizar anteri&amp;or</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atalhos de teclado</translation>
    </message>
    <message>
        <source>&amp;About PostDoDjango</source>
        <translation>&amp;Sobre o PostDoDjango</translation>
    </message>
    <message>
        <source>Stack folder: %1</source>
        <translation>Pasta da stack: %1</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>About PostDoDjango</source>
        <translation>Sobre o PostDoDjango</translation>
    </message>
    <message>
        <source>PostDoDjango %1
Desktop companion for a Django + PostgreSQL stack on Docker Compose.</source>
        <translation>PostDoDjango %1
Companheiro de desktop para uma stack Django + PostgreSQL no Docker Compose.</translation>
    </message>
    <message>
        <source>Created the stack %1 in %2.</source>
        <translation>Stack %1 criada em %2.</translation>
    </message>
    <message>
        <source>Open stack</source>
        <translation>Abrir stack</translation>
    </message>
    <message>
        <source>%1 holds no stack: docker-compose.yml and run are needed (File &gt; New stack… creates one).</source>
        <translation>%1 não contém uma stack: são necessários docker-compose.yml e run (Arquivo &gt; Nova stack… cria uma).</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;recente</translation>
    </message>
    <message>
        <source>(no other stack yet)</source>
        <translation>(nenhuma outra stack ainda)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language applies when PostDoDjango starts again.</source>
        <translation>O novo idioma vale quando o PostDoDjango for iniciado de novo.</translation>
    </message>
    <message>
        <source>&amp;System default</source>
        <translation>Padrão do &amp;sistema</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Ação</translation>
    </message>
    <message>
        <source>Another folder&apos;s stack</source>
        <translation>Stack de outra pasta</translation>
    </message>
    <message>
        <source>The %1 containers running now were started from %2, not from this folder (%3). %4 would act on that stack.

Go on anyway?</source>
        <translation>Os contêineres de %1 rodando agora foram iniciados a partir de %2, não desta pasta (%3). %4 agiria sobre aquela stack.

Continuar mesmo assim?</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open %1 in the browser</source>
        <translation>Abrir %1 no navegador</translation>
    </message>
    <message>
        <source>plain HTTP (TLS_MODE=off)</source>
        <translation>HTTP simples (TLS_MODE=off)</translation>
    </message>
    <message>
        <source>Docker Engine API %1</source>
        <translation>API do Docker Engine %1</translation>
    </message>
    <message>
        <source>Engine unavailable</source>
        <translation>Engine indisponível</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Imagem</translation>
    </message>
    <message>
        <source>I&amp;mage</source>
        <translation>I&amp;magem</translation>
    </message>
    <message>
        <source>Start prod on &amp;boot</source>
        <translation>Iniciar prod no &amp;boot</translation>
    </message>
    <message>
        <source>&amp;Install and enable</source>
        <translation>&amp;Instalar e ativar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>&amp;Start now</source>
        <translation>Iniciar &amp;agora</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Parar</translation>
    </message>
    <message>
        <source>Show &amp;log</source>
        <translation>Mostrar &amp;log</translation>
    </message>
    <message>
        <source>Start prod on boot</source>
        <translation>Iniciar prod no boot</translation>
    </message>
    <message>
        <source>Start prod on boot: install, remove, start, stop, log (also in the Stack menu)</source>
        <translation>Iniciar prod no boot: instalar, remover, iniciar, parar, log (também no menu Stack)</translation>
    </message>
    <message>
        <source>Remove the boot service</source>
        <translation>Remover o serviço de boot</translation>
    </message>
    <message>
        <source>Remove %1? Prod will no longer start at boot. Running containers and the database volumes are kept.</source>
        <translation>Remover %1? O prod deixará de iniciar no boot. Os contêineres em execução e os volumes do banco são mantidos.</translation>
    </message>
    <message>
        <source>Stop prod</source>
        <translation>Parar prod</translation>
    </message>
    <message>
        <source>Stop %1? The prod containers stop; their volumes are kept.</source>
        <translation>Parar %1? Os contêineres de prod param; seus volumes são mantidos.</translation>
    </message>
    <message>
        <source>Prod on boot: …</source>
        <translation>Prod no boot: …</translation>
    </message>
    <message>
        <source>&amp;Install again (update the unit)</source>
        <translation>&amp;Instalar de novo (atualizar a unit)</translation>
    </message>
    <message>
        <source>Data&amp;base</source>
        <translation>&amp;Banco de dados</translation>
    </message>
    <message>
        <source>Bac&amp;kups</source>
        <translation>Bac&amp;kups</translation>
    </message>
    <message>
        <source>Up (prod)</source>
        <translation>Subir (prod)</translation>
    </message>
    <message numerus="yes">
        <source>Migrations to apply to the prod database: %n. A backup of it is taken first; if a migration fails, web keeps its previous image and the backup brings the data back.</source>
        <translation>
            <numerusform>Migração a aplicar no banco de prod: %n. Antes é feito um backup dele; se uma migração falhar, o web fica com a imagem anterior e o backup traz os dados de volta.</numerusform>
            <numerusform>Migrações a aplicar no banco de prod: %n. Antes é feito um backup dele; se uma migração falhar, o web fica com a imagem anterior e o backup traz os dados de volta.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Back up and migrate</source>
        <translation>Fazer &amp;backup e migrar</translation>
    </message>
    <message>
        <source>%1 dev (compose/.env)</source>
        <translation>%1 dev (compose/.env)</translation>
    </message>
    <message>
        <source>Cancel selected &amp;job</source>
        <translation>Cancelar tarefa seleci&amp;onada</translation>
    </message>
    <message>
        <source>Refresh si&amp;zes</source>
        <translation>A&amp;tualizar tamanhos</translation>
    </message>
    <message>
        <source>Database tab</source>
        <translation>Aba Banco de dados</translation>
    </message>
    <message>
        <source>Swarm (&amp;X)</source>
        <translation>Swarm (&amp;Q)</translation>
    </message>
    <message>
        <source>S&amp;warm</source>
        <translation>S&amp;warm</translation>
    </message>
    <message>
        <source>The stack on Docker Swarm: services, tasks, deploy, scale, remove (Ctrl+3)</source>
        <translation>A stack no Docker Swarm: serviços, tarefas, deploy, escala, remoção (Ctrl+3)</translation>
    </message>
</context>
<context>
    <name>MigrationListModel</name>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>aplicada</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migração</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>NewStack</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>Não foi possível criar a pasta %1.</translation>
    </message>
    <message>
        <source>Could not copy %1 (disk full, or no permission?).</source>
        <translation>Não foi possível copiar %1 (disco cheio ou sem permissão?).</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n file(s) of the template.</source>
        <translation>
            <numerusform>%n arquivo do modelo copiado.</numerusform>
            <numerusform>%n arquivos do modelo copiados.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 could not be started: is it installed?</source>
        <translation>Não foi possível iniciar %1: ele está instalado?</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2).</source>
        <translation>%1 falhou (código de saída %2).</translation>
    </message>
    <message>
        <source>The stack needs a name.</source>
        <translation>A stack precisa de um nome.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid stack name: use lowercase letters, digits, &apos;-&apos; and &apos;_&apos;, starting with a letter or a digit.</source>
        <translation>&quot;%1&quot; não é um nome de stack válido: use letras minúsculas, dígitos, &apos;-&apos; e &apos;_&apos;, começando com uma letra ou um dígito.</translation>
    </message>
    <message>
        <source>Choose a folder for the new stack.</source>
        <translation>Escolha uma pasta para a nova stack.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder.</source>
        <translation>%1 é um arquivo, não uma pasta.</translation>
    </message>
    <message>
        <source>%1 is not empty: a new stack goes into an empty folder, so nothing of yours is overwritten.</source>
        <translation>%1 não está vazia: uma nova stack vai para uma pasta vazia, para que nada seu seja sobrescrito.</translation>
    </message>
    <message>
        <source>%1 is not writable for you.</source>
        <translation>%1 não tem permissão de escrita para você.</translation>
    </message>
    <message>
        <source>%1 cannot be created: %2 is not writable for you.</source>
        <translation>%1 não pode ser criada: %2 não tem permissão de escrita para você.</translation>
    </message>
    <message>
        <source>The stack template was not found (reinstall PostDoDjango, or set PDD_STACK_TEMPLATE).</source>
        <translation>O modelo de stack não foi encontrado (reinstale o PostDoDjango ou defina PDD_STACK_TEMPLATE).</translation>
    </message>
    <message>
        <source>Copying the template from %1</source>
        <translation>Copiando o modelo de %1</translation>
    </message>
    <message>
        <source>A git repository was initialised; .env, backups and virtualenvs stay out of it (.gitignore).</source>
        <translation>Um repositório git foi inicializado; .env, backups e virtualenvs ficam fora dele (.gitignore).</translation>
    </message>
</context>
<context>
    <name>NewStackDialog</name>
    <message>
        <source>New stack</source>
        <translation>Nova stack</translation>
    </message>
    <message>
        <source>A Django + PostgreSQL stack from the template, in an empty folder: its own name, free ports, and a .env with fresh secrets.</source>
        <translation>Uma stack Django + PostgreSQL a partir do modelo, numa pasta vazia: nome próprio, portas livres e um .env com segredos novos.</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Pasta:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pro&amp;curar…</translation>
    </message>
    <message>
        <source>Stack &amp;name:</source>
        <translation>&amp;Nome da stack:</translation>
    </message>
    <message>
        <source>The Compose projects become NAME-dev and NAME-prod; lowercase letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Os projetos do Compose passam a ser NOME-dev e NOME-prod; letras minúsculas, dígitos, &apos;-&apos; e &apos;_&apos;.</translation>
    </message>
    <message>
        <source>Ports on this machine (free ones chosen; editable)</source>
        <translation>Portas nesta máquina (escolhidas entre as livres; editáveis)</translation>
    </message>
    <message>
        <source>Initialise a &amp;git repository (.env, backups and virtualenvs stay out of it)</source>
        <translation>Inicializar um repositório &amp;git (.env, backups e virtualenvs ficam fora dele)</translation>
    </message>
    <message>
        <source>What the creation did</source>
        <translation>O que a criação fez</translation>
    </message>
    <message>
        <source>Dev web (Docker):</source>
        <translation>Web dev (Docker):</translation>
    </message>
    <message>
        <source>Dev web (on this machine, run -2):</source>
        <translation>Web dev (nesta máquina, run -2):</translation>
    </message>
    <message>
        <source>Dev database:</source>
        <translation>Banco dev:</translation>
    </message>
    <message>
        <source>pgAdmin:</source>
        <translation>pgAdmin:</translation>
    </message>
    <message>
        <source>Prod HTTP:</source>
        <translation>HTTP prod:</translation>
    </message>
    <message>
        <source>Prod HTTPS:</source>
        <translation>HTTPS prod:</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Criar</translation>
    </message>
    <message>
        <source>Folder for the new stack</source>
        <translation>Pasta para a nova stack</translation>
    </message>
    <message>
        <source>The stack template was not found (reinstall PostDoDjango, or set PDD_STACK_TEMPLATE).</source>
        <translation>O modelo de stack não foi encontrado (reinstale o PostDoDjango ou defina PDD_STACK_TEMPLATE).</translation>
    </message>
    <message>
        <source>Port %1 is chosen twice; each service needs its own.</source>
        <translation>A porta %1 foi escolhida duas vezes; cada serviço precisa da sua.</translation>
    </message>
    <message>
        <source>New stack %1</source>
        <translation>Nova stack %1</translation>
    </message>
</context>
<context>
    <name>PushProgress</name>
    <message>
        <source>the push failed without a message</source>
        <translation>o push falhou sem mensagem</translation>
    </message>
</context>
<context>
    <name>QueryRunnerText</name>
    <message>
        <source>Could not make the console read-only.</source>
        <translation>Não foi possível deixar o console somente leitura.</translation>
    </message>
    <message>
        <source>The connection to the database was lost; it is re-established on the next action.</source>
        <translation>A conexão com o banco caiu; ela é refeita na próxima ação.</translation>
    </message>
    <message>
        <source>COPY to STDOUT or from STDIN cannot run in the console; use Export to CSV.</source>
        <translation>COPY para STDOUT ou de STDIN não pode rodar no console; use Exportar CSV.</translation>
    </message>
</context>
<context>
    <name>RegistryLoginDialog</name>
    <message>
        <source>Log in to %1</source>
        <translation>Entrar em %1</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nome de &amp;usuário:</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Senha ou token:</translation>
    </message>
    <message>
        <source>&amp;Remember (%1)</source>
        <translation>&amp;Lembrar (%1)</translation>
    </message>
    <message>
        <source>Log in and push</source>
        <translation>Entrar e enviar</translation>
    </message>
</context>
<context>
    <name>ScriptRun</name>
    <message>
        <source>The run script was killed.</source>
        <translation>O script run foi morto.</translation>
    </message>
    <message>
        <source>The run script exited with code %1.</source>
        <translation>O script run saiu com o código %1.</translation>
    </message>
    <message>
        <source>%1 (exit code %2)</source>
        <translation>%1 (código de saída %2)</translation>
    </message>
    <message>
        <source>Could not run %1 in %2: %3</source>
        <translation>Não foi possível executar %1 em %2: %3</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>StackController</name>
    <message>
        <source>Up (%1)</source>
        <translation>Subir (%1)</translation>
    </message>
    <message>
        <source>Down (%1)</source>
        <translation>Desligar (%1)</translation>
    </message>
</context>
<context>
    <name>StackProject</name>
    <message>
        <source>The compose files have a problem (see the banner).</source>
        <translation>Os arquivos compose têm um problema (veja o aviso).</translation>
    </message>
    <message>
        <source>docker-compose.yml has no web service.</source>
        <translation>O docker-compose.yml não tem serviço web.</translation>
    </message>
    <message>
        <source>The web service has no build section.</source>
        <translation>O serviço web não tem seção build.</translation>
    </message>
    <message>
        <source>The web image name from .env is not valid: %1</source>
        <translation>O nome da imagem web no .env não é válido: %1</translation>
    </message>
    <message>
        <source>TLS_MODE=%1 in %2 is none of self-signed, files, letsencrypt, off.</source>
        <translation>TLS_MODE=%1 em %2 não é nenhum de self-signed, files, letsencrypt, off.</translation>
    </message>
</context>
<context>
    <name>StackSession</name>
    <message>
        <source>Docker engine unavailable: %1</source>
        <translation>Docker engine indisponível: %1</translation>
    </message>
    <message>
        <source>Compose file problem: %1</source>
        <translation>Problema no arquivo compose: %1</translation>
    </message>
    <message>
        <source>The %1 database needs %2&apos;s newer PostgreSQL; Backups &gt; Upgrade PostgreSQL… does it safely (backup, new volume, restore, check; the old data is kept).</source>
        <translation>O banco %1 precisa do PostgreSQL mais novo de %2; Backups &gt; Atualizar PostgreSQL… faz isso com segurança (backup, volume novo, restauração, conferência; os dados antigos são mantidos).</translation>
    </message>
    <message>
        <source>The running %1 containers belong to another folder, %2, with the same STACK_NAME; Up, Down and the container actions here would act on that stack. Give this folder its own STACK_NAME in its .env.</source>
        <translation>Os contêineres de %1 em execução pertencem a outra pasta, %2, com o mesmo STACK_NAME; Subir, Desligar e as ações de contêiner aqui agiriam sobre aquela stack. Dê a esta pasta um STACK_NAME próprio no .env dela.</translation>
    </message>
    <message>
        <source>no image registry is reachable</source>
        <translation>nenhum registry de imagens está acessível</translation>
    </message>
    <message>
        <source>Up failed: could not pull %1: %2 (%3). Set %4 in %5 to a mirror or a local image, or build local images from Debian&apos;s packages: %6</source>
        <translation>Subir falhou: não foi possível baixar %1: %2 (%3). Defina %4 em %5 como um espelho ou uma imagem local, ou construa imagens locais a partir dos pacotes do Debian: %6</translation>
    </message>
    <message>
        <source>Deploy %1 to the swarm</source>
        <translation>Fazer deploy de %1 no swarm</translation>
    </message>
    <message>
        <source>Scale web of %1 to %2</source>
        <translation>Escalar o web de %1 para %2</translation>
    </message>
    <message>
        <source>Remove %1 from the swarm (volumes and secrets kept)</source>
        <translation>Remover %1 do swarm (volumes e secrets mantidos)</translation>
    </message>
</context>
<context>
    <name>SwarmPanel</name>
    <message>
        <source>Swarm status</source>
        <translation>Estado do swarm</translation>
    </message>
    <message>
        <source>Depl&amp;oy</source>
        <translation>Deplo&amp;y</translation>
    </message>
    <message>
        <source>compose/run -9 deploy: push the web image, create missing secrets, deploy and wait until every service runs</source>
        <translation>compose/run -9 deploy: envia a imagem web, cria os secrets que faltam, faz o deploy e espera até todo serviço rodar</translation>
    </message>
    <message>
        <source>Web replicas:</source>
        <translation>Réplicas do web:</translation>
    </message>
    <message>
        <source>Web replicas</source>
        <translation>Réplicas do web</translation>
    </message>
    <message>
        <source>Scal&amp;e</source>
        <translation>&amp;Escalar</translation>
    </message>
    <message>
        <source>compose/run -9 scale: run this many web tasks (the next deploy goes back to WEB_REPLICAS in .env)</source>
        <translation>compose/run -9 scale: roda este número de tarefas web (o próximo deploy volta ao WEB_REPLICAS do .env)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Remover…</translation>
    </message>
    <message>
        <source>compose/run -9 remove: stop and remove the stack&apos;s services; its database volume and secrets are kept</source>
        <translation>compose/run -9 remove: para e remove os serviços da stack; o volume do banco de dados e os secrets são mantidos</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>In&amp;terromper</translation>
    </message>
    <message>
        <source>Stop the running compose/run -9 (what the swarm has started keeps going)</source>
        <translation>Interrompe o compose/run -9 em execução (o que o swarm já iniciou continua)</translation>
    </message>
    <message>
        <source>Swarm progress</source>
        <translation>Progresso do swarm</translation>
    </message>
    <message>
        <source>Swarm services</source>
        <translation>Serviços do swarm</translation>
    </message>
    <message>
        <source>Swarm tasks</source>
        <translation>Tarefas do swarm</translation>
    </message>
    <message>
        <source>Could not read the swarm: %1</source>
        <translation>Não foi possível ler o swarm: %1</translation>
    </message>
    <message>
        <source>This engine is not a swarm manager. Run docker swarm init on it, or open the app on a manager.</source>
        <translation>Este engine não é um manager do swarm. Rode docker swarm init nele, ou abra o app em um manager.</translation>
    </message>
    <message numerus="yes">
        <source>Swarm manager (%n node(s)). %1 is not deployed: Deploy pushes the web image and starts it.</source>
        <translation>
            <numerusform>Manager do swarm (%n nó). %1 não está no ar: Deploy envia a imagem web e a inicia.</numerusform>
            <numerusform>Manager do swarm (%n nós). %1 não está no ar: Deploy envia a imagem web e a inicia.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Swarm manager (%n node(s)). Stack %1, from this folder&apos;s compose/docker-compose.swarm.yml.</source>
        <translation>
            <numerusform>Manager do swarm (%n nó). Stack %1, do compose/docker-compose.swarm.yml desta pasta.</numerusform>
            <numerusform>Manager do swarm (%n nós). Stack %1, do compose/docker-compose.swarm.yml desta pasta.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>web: %1 of %2 replicas running</source>
        <translation>web: %1 de %2 réplicas rodando</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: concluído</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Remove from the swarm</source>
        <translation>Remover do swarm</translation>
    </message>
    <message>
        <source>Stop and remove every service of %1? Its database volume and its secrets are kept; Deploy starts it again on the same data.</source>
        <translation>Parar e remover todos os serviços de %1? O volume do banco de dados e os secrets são mantidos; Deploy a inicia de novo com os mesmos dados.</translation>
    </message>
</context>
<context>
    <name>SwarmServiceModel</name>
    <message>
        <source>updating</source>
        <translation>atualizando</translation>
    </message>
    <message>
        <source>update paused</source>
        <translation>atualização pausada</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>atualizado</translation>
    </message>
    <message>
        <source>rolling back</source>
        <translation>revertendo</translation>
    </message>
    <message>
        <source>rollback paused</source>
        <translation>reversão pausada</translation>
    </message>
    <message>
        <source>rolled back</source>
        <translation>revertido</translation>
    </message>
    <message>
        <source>%1/%2 (global)</source>
        <translation>%1/%2 (global)</translation>
    </message>
    <message>
        <source>%1: %2 of %3 on the new spec</source>
        <translation>%1: %2 de %3 na nova spec</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Serviço</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Atualização</translation>
    </message>
</context>
<context>
    <name>SwarmTaskModel</name>
    <message>
        <source>new</source>
        <translation>nova</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>atribuída</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>aceita</translation>
    </message>
    <message>
        <source>preparing</source>
        <translation>preparando</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>pronta</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>running</source>
        <translation>rodando</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>concluída</translation>
    </message>
    <message>
        <source>shut down</source>
        <translation>desligada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeitada</translation>
    </message>
    <message>
        <source>removing</source>
        <translation>removendo</translation>
    </message>
    <message>
        <source>orphaned</source>
        <translation>órfã</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarefa</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nó</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>Desejado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagem</translation>
    </message>
</context>
<context>
    <name>TableModelEditing</name>
    <message>
        <source>A row was changed or deleted by someone else since it was read, so nothing was saved. Reload to see the current data, then edit again.</source>
        <translation>Uma linha foi alterada ou excluída por outra pessoa depois de lida, então nada foi salvo. Recarregue para ver os dados atuais e edite de novo.</translation>
    </message>
    <message>
        <source>another session</source>
        <translation>outra sessão</translation>
    </message>
    <message>
        <source>Nothing was saved: %1 holds locks on %2 and did not let go within %3 s. Commit or roll back that session (an open transaction in psql, pgAdmin or the console), then save again; your changes are still pending.</source>
        <translation>Nada foi salvo: %1 mantém locks em %2 e não os liberou em %3 s. Faça commit ou rollback naquela sessão (uma transação aberta no psql, no pgAdmin ou no console) e salve de novo; suas alterações continuam pendentes.</translation>
    </message>
</context>
<context>
    <name>TableQuery</name>
    <message>
        <source>starts with</source>
        <translation>começa com</translation>
    </message>
    <message>
        <source>is not NULL</source>
        <translation>não é NULL</translation>
    </message>
    <message>
        <source>The sort column does not exist.</source>
        <translation>A coluna de ordenação não existe.</translation>
    </message>
    <message>
        <source>The filter refers to a column &quot;%1&quot; that this table does not have.</source>
        <translation>O filtro se refere a uma coluna &quot;%1&quot; que esta tabela não tem.</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contém</translation>
    </message>
    <message>
        <source>is NULL</source>
        <translation>é NULL</translation>
    </message>
</context>
<context>
    <name>TypedConfirmDialog</name>
    <message>
        <source>Type &amp;%1 to confirm:</source>
        <translation>Digite &amp;%1 para confirmar:</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmação</translation>
    </message>
    <message>
        <source>&amp;Replace the database</source>
        <translation>&amp;Substituir o banco</translation>
    </message>
</context>
<context>
    <name>VolumeListModel</name>
    <message>
        <source>Declared in the compose file; created by the first Up in %1 mode.</source>
        <translation>Declarado no arquivo compose; criado pelo primeiro Subir no modo %1.</translation>
    </message>
    <message>
        <source>not created</source>
        <translation>não criado</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modo</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamanho</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>Usado por</translation>
    </message>
</context>
<context>
    <name>db::CatalogModel</name>
    <message>
        <source>not analyzed</source>
        <translation>não analisada</translation>
    </message>
    <message>
        <source>primary key</source>
        <translation>chave primária</translation>
    </message>
    <message>
        <source>unique index</source>
        <translation>índice único</translation>
    </message>
    <message>
        <source>index</source>
        <translation>índice</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message numerus="yes">
        <source>%1 row(s)</source>
        <translation>
            <numerusform>%1 linha</numerusform>
            <numerusform>%1 linhas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>~%1 row(s)</source>
        <translation>
            <numerusform>~%1 linha</numerusform>
            <numerusform>~%1 linhas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>db::QueryRunner</name>
    <message>
        <source>COPY to STDOUT or from STDIN cannot run in the console; use Export to CSV.</source>
        <translation>COPY para STDOUT ou de STDIN não pode rodar no console; use Exportar CSV.</translation>
    </message>
</context>
<context>
    <name>db::TableModel</name>
    <message>
        <source>Save changes to %1</source>
        <translation>Salvar alterações em %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in one transaction</source>
        <translation>
            <numerusform>%n alteração numa transação</numerusform>
            <numerusform>%n alterações numa transação</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>dbui::CellDetailView</name>
    <message>
        <source>&amp;Copy value</source>
        <translation>&amp;Copiar valor</translation>
    </message>
    <message>
        <source>Copy the whole value of the cell, also the part not shown</source>
        <translation>Copiar o valor inteiro da célula, inclusive a parte não mostrada</translation>
    </message>
    <message>
        <source>Full cell value</source>
        <translation>Valor completo da célula</translation>
    </message>
    <message>
        <source>NULL (no value)</source>
        <translation>NULL (sem valor)</translation>
    </message>
    <message>
        <source>(empty string)</source>
        <translation>(texto vazio)</translation>
    </message>
    <message>
        <source> · showing the first %L1 characters</source>
        <translation> · mostrando os primeiros %L1 caracteres</translation>
    </message>
    <message>
        <source>Select a cell to see its full value.</source>
        <translation>Selecione uma célula para ver seu valor completo.</translation>
    </message>
</context>
<context>
    <name>dbui::ConnectionDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Host, user and database are required.</source>
        <translation>Host, usuário e banco são obrigatórios.</translation>
    </message>
    <message>
        <source>(new connection)</source>
        <translation>(nova conexão)</translation>
    </message>
    <message>
        <source>Forgot &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; esquecida.</translation>
    </message>
    <message>
        <source>Production database: it opens read-only unless you untick Read-only.</source>
        <translation>Banco de produção: ele abre somente leitura, a menos que você desmarque Somente leitura.</translation>
    </message>
</context>
<context>
    <name>dbui::PasswordStore</name>
    <message>
        <source>No keychain service is available (%1); the password was not saved and will be asked for again.</source>
        <translation>Nenhum serviço de chaveiro está disponível (%1); a senha não foi salva e será pedida de novo.</translation>
    </message>
    <message>
        <source>The keychain could not be read (%1); enter the password.</source>
        <translation>Não foi possível ler o chaveiro (%1); digite a senha.</translation>
    </message>
    <message>
        <source>This build of PostDoDjango keeps no passwords (built without QtKeychain); the password will be asked for again.</source>
        <translation>Esta versão do PostDoDjango não guarda senhas (construída sem QtKeychain); a senha será pedida de novo.</translation>
    </message>
</context>
<context>
    <name>dbui::SqlConsole</name>
    <message>
        <source>Run</source>
        <translation>Executar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Run the selection, or everything (Ctrl+Return)</source>
        <translation>Executar a seleção, ou tudo (Ctrl+Return)</translation>
    </message>
    <message>
        <source>Cancel the running query on the server (Esc)</source>
        <translation>Cancelar a consulta em execução no servidor (Esc)</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Não conectado.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Running… %1 s</source>
        <translation>Executando… %1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %L2 row(s) affected</source>
        <translation>
            <numerusform>%1 — %L2 linha afetada</numerusform>
            <numerusform>%1 — %L2 linhas afetadas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 statements: %2 — %3</source>
        <translation>%1 comandos: %2 — %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Cancelled after %1</source>
        <translation>Cancelado após %1</translation>
    </message>
    <message>
        <source>Failed after %1</source>
        <translation>Falhou após %1</translation>
    </message>
    <message numerus="yes">
        <source>first %Ln row(s) (the console keeps at most %L1; Export CSV writes them all)</source>
        <translation>
            <numerusform>primeira %Ln linha (o console guarda no máximo %L1; Exportar CSV grava todas)</numerusform>
            <numerusform>primeiras %Ln linhas (o console guarda no máximo %L1; Exportar CSV grava todas)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) (more on scroll)</source>
        <translation>
            <numerusform>%Ln linha (mais ao rolar)</numerusform>
            <numerusform>%Ln linhas (mais ao rolar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln linha</numerusform>
            <numerusform>%Ln linhas</numerusform>
        </translation>
    </message>
    <message>
        <source>Export query to CSV</source>
        <translation>Exportar consulta para CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportado para %1</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportação cancelada.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>A exportação falhou: %1</translation>
    </message>
</context>
<context>
    <name>dbui::TableBrowser</name>
    <message>
        <source>Re&amp;load</source>
        <translation>Re&amp;carregar</translation>
    </message>
    <message>
        <source>Reload from the start</source>
        <translation>Recarregar desde o início</translation>
    </message>
    <message>
        <source>&amp;Jump to end</source>
        <translation>&amp;Ir para o fim</translation>
    </message>
    <message>
        <source>Show the last rows without reading the middle</source>
        <translation>Mostrar as últimas linhas sem ler o meio</translation>
    </message>
    <message>
        <source>&amp;Insert row</source>
        <translation>I&amp;nserir linha</translation>
    </message>
    <message>
        <source>Add a new row</source>
        <translation>Adicionar uma linha nova</translation>
    </message>
    <message>
        <source>&amp;Delete row</source>
        <translation>E&amp;xcluir linha</translation>
    </message>
    <message>
        <source>Mark the selected rows for deletion</source>
        <translation>Marcar as linhas selecionadas para exclusão</translation>
    </message>
    <message>
        <source>Set &amp;NULL</source>
        <translation>Definir &amp;NULL</translation>
    </message>
    <message>
        <source>Set the current cell to NULL</source>
        <translation>Definir a célula atual como NULL</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salvar</translation>
    </message>
    <message>
        <source>Save pending changes in one transaction</source>
        <translation>Salvar as alterações pendentes numa transação</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>Re&amp;verter</translation>
    </message>
    <message>
        <source>Drop pending changes</source>
        <translation>Descartar as alterações pendentes</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>Expor&amp;tar CSV…</translation>
    </message>
    <message>
        <source>Export the table (with the current filter ignored) to a CSV file</source>
        <translation>Exportar a tabela (ignorando o filtro atual) para um arquivo CSV</translation>
    </message>
    <message>
        <source>&amp;Count rows exactly</source>
        <translation>C&amp;ontar linhas exatamente</translation>
    </message>
    <message>
        <source>Run SELECT count(*) (may be slow on big tables)</source>
        <translation>Executar SELECT count(*) (pode ser lento em tabelas grandes)</translation>
    </message>
    <message numerus="yes">
        <source>%1 has exactly %L2 row(s).</source>
        <translation>
            <numerusform>%1 tem exatamente %L2 linha.</numerusform>
            <numerusform>%1 tem exatamente %L2 linhas.</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Alterações salvas.</translation>
    </message>
    <message>
        <source>Save conflict: %1</source>
        <translation>Conflito ao salvar: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Não salvo: %1</translation>
    </message>
    <message>
        <source>No table selected</source>
        <translation>Nenhuma tabela selecionada</translation>
    </message>
    <message>
        <source>Select a table first.</source>
        <translation>Selecione uma tabela primeiro.</translation>
    </message>
    <message>
        <source>Read-only connection: editing is disabled.</source>
        <translation>Conexão somente leitura: a edição está desativada.</translation>
    </message>
    <message>
        <source>Views cannot be edited here.</source>
        <translation>Views não podem ser editadas aqui.</translation>
    </message>
    <message>
        <source>This table has no primary key, so a row cannot be identified safely: editing is disabled.</source>
        <translation>Esta tabela não tem chave primária, então uma linha não pode ser identificada com segurança: a edição está desativada.</translation>
    </message>
    <message>
        <source>Save pending changes in one transaction (%1)</source>
        <translation>Salvar as alterações pendentes numa transação (%1)</translation>
    </message>
    <message>
        <source>Pick a table or view in the tree.</source>
        <translation>Escolha uma tabela ou view na árvore.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Não conectado.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) in view</source>
        <translation>
            <numerusform>%Ln linha visível</numerusform>
            <numerusform>%Ln linhas visíveis</numerusform>
        </translation>
    </message>
    <message>
        <source>~%L1 estimated</source>
        <translation>~%L1 estimadas</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>filtrado</translation>
    </message>
    <message>
        <source>more below</source>
        <translation>há mais abaixo</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>carregando…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Salvando…</translation>
    </message>
    <message>
        <source>Export %1 to CSV</source>
        <translation>Exportar %1 para CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Arquivos CSV (*.csv);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>%1 exportada para %2.</translation>
    </message>
    <message>
        <source>Export cancelled; the partial file was removed.</source>
        <translation>Exportação cancelada; o arquivo parcial foi removido.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>A exportação falhou: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The stack folder (holding docker-compose.yml and run).</source>
        <translation>A pasta da stack (com docker-compose.yml e run).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>PASTA</translation>
    </message>
    <message>
        <source>Diagnostics of every area (pdd.engine, pdd.compose, pdd.stack, pdd.db, pdd.jobs) on stderr; QT_LOGGING_RULES selects finer. Secrets are never logged.</source>
        <translation>Diagnósticos de cada área (pdd.engine, pdd.compose, pdd.stack, pdd.db, pdd.jobs) na saída de erro; QT_LOGGING_RULES escolhe com mais detalhe. Segredos nunca vão para o log.</translation>
    </message>
    <message>
        <source>Create a stack from the template in the empty (or new) folder DIR: a name, free ports and a .env with fresh secrets; then open it with --project DIR.</source>
        <translation>Cria uma stack a partir do modelo na pasta vazia (ou nova) PASTA: um nome, portas livres e um .env com segredos novos; depois abra-a com --project PASTA.</translation>
    </message>
    <message>
        <source>With --new-stack: the stack&apos;s name (default: from the folder&apos;s name).</source>
        <translation>Com --new-stack: o nome da stack (padrão: a partir do nome da pasta).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOME</translation>
    </message>
    <message>
        <source>With --new-stack: initialise a git repository.</source>
        <translation>Com --new-stack: inicializa um repositório git.</translation>
    </message>
    <message>
        <source>Created the stack %1 in %2; ports: %3
Open it: postdodjango --project %2</source>
        <translation>Stack %1 criada em %2; portas: %3
Abra-a: postdodjango --project %2</translation>
    </message>
    <message>
        <source>Desktop companion for a Django + PostgreSQL stack on Docker Compose.
Without --project, the last stack folder is reopened, else a compose/ folder is looked
for upward from the working directory and next to the program.</source>
        <translation>Companheiro de desktop para uma stack Django + PostgreSQL no Docker Compose.
Sem --project, a última pasta de stack é reaberta; senão, uma pasta compose/ é procurada
subindo a partir do diretório atual e ao lado do programa.</translation>
    </message>
    <message>
        <source>%1 holds no stack (docker-compose.yml and run are needed).</source>
        <translation>%1 não contém uma stack (são necessários docker-compose.yml e run).</translation>
    </message>
    <message>
        <source>no stack folder found; pass --project DIR (the folder with docker-compose.yml and run), or create one with --new-stack DIR.</source>
        <translation>nenhuma pasta de stack encontrada; use --project PASTA (a pasta com docker-compose.yml e run) ou crie uma com --new-stack PASTA.</translation>
    </message>
    <message>
        <source>Could not start a new window for %1.</source>
        <translation>Não foi possível abrir uma nova janela para %1.</translation>
    </message>
</context>
</TS>
