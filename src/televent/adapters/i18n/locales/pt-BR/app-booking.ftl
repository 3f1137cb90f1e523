# Os horários para agendamento e os links de agendamento do Mini App (configurações), e um
# agendamento no cartão de um evento (js/booking.js).
bookings-title = Agendamentos
bookings-hours-intro = Quando as pessoas podem agendar com você pelos seus links; nada é agendado por cima dos seus eventos.
bookings-hours-zone = Fuso horário:
bookings-default-hours = Estes são os horários padrão ({ $first } a { $last }, { $from }–{ $to }) até você salvar os seus.
bookings-hours-failed = Não foi possível carregar seus horários.
bookings-day-off-label = { $day } de folga
bookings-off = Folga
bookings-day-off = Dia de folga
bookings-add-hours-label = Adicionar horários em { $day }
bookings-add-hours = + horários
bookings-date-off = folga
bookings-remove-label = Remover { $what }
bookings-remove = Remover
bookings-from-label = { $day } das
bookings-to-label = { $day } até
bookings-date-off-added = { $date } vira folga quando você salvar
bookings-date-off-label = Uma data de folga
bookings-add-date-off = Adicionar uma folga
bookings-link-active = Ativo
bookings-link-paused = Pausado
bookings-link-summary = { $minutes } min · { $count ->
    [one] { $count } agendamento próximo
   *[other] { $count } agendamentos próximos
}
bookings-copy = Copiar link
bookings-pause = Pausar
bookings-resume = Retomar
bookings-delete = Excluir
bookings-delete-label = Excluir { $title }
bookings-no-links = Ainda não há links de agendamento.
bookings-copied = Link copiado
bookings-copy-prompt = Copie o link:
bookings-resumed = { $title } volta a aceitar agendamentos
bookings-paused = { $title } está pausado
bookings-delete-question = Excluir “{ $title }”? A página dele deixa de funcionar; os agendamentos já feitos continuam no seu calendário.
bookings-deleted = { $title } excluído
bookings-created = { $title } está pronto: { $url }
bookings-links-title = Links de agendamento
bookings-new-link = Novo link
bookings-slug = Endereço (slug)
bookings-slug-placeholder = Endereço, por ex. intro
bookings-link-title = Título
bookings-link-title-placeholder = Título, por ex. Conversa inicial
bookings-minutes = Minutos
bookings-buffer-before = Intervalo antes
bookings-buffer-after = Intervalo depois
bookings-notice = Antecedência (min)
bookings-horizon = Dias à frente
bookings-per-day = Máximo por dia
bookings-no-limit = sem limite
bookings-create = Criar link
bookings-card-title = Agendado por “{ $title }”
bookings-card-zone = Fuso horário da pessoa: { $zone }
bookings-card-active = Agendado: a pessoa pode remarcar ou cancelar pelo link da confirmação.
bookings-card-cancelled = Cancelado
bookings-card-released = Liberado: o evento foi excluído e o horário está livre de novo.
